import { ensure, tempDatabase, type TempDatabase } from "#kata/testing";
import { SqliteEventStore } from "./src/event-store";

let database: TempDatabase;
beforeEach(() => {
  database = tempDatabase("event-store");
});
afterEach(() => {
  database.remove();
});

test("placeholder", () => {
  const store = new SqliteEventStore(database.path);
  ensure(store.headPosition() === 0, "empty");
  store.close();
});
