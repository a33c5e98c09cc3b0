test.todo('x')
