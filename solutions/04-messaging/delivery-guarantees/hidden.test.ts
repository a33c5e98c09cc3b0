test.todo("x");
