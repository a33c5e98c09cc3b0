import { codeOf, ensure, tempDatabase, type TempDatabase } from "#kata/testing";
import { EventStoreError } from "./src/errors";
import { EventStore } from "./src/event-store";

// Each test gets a database file of its own, removed afterwards with its journals.
let database: TempDatabase;
const opened: EventStore[] = [];
beforeEach(() => {
  database = tempDatabase("event-store");
});
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  database.remove();
});

function open(): EventStore {
  const store = new EventStore(database.path);
  opened.push(store);
  return store;
}

test("TODO(kata new): the behaviour this test names", () => {
  const first = open();
  first.add("a");
  first.close();
  opened.splice(opened.indexOf(first), 1);
  const count = open().count();
  ensure(
    count === 1,
    `after one add, a close and a reopen, count() is ${count}; TODO(kata new): a message that teaches`,
  );
});

test("an empty value is refused with INVALID_INPUT", () => {
  const store = open();
  ensure(codeOf(EventStoreError, () => store.add("")) === "INVALID_INPUT", "TODO(kata new): a message that teaches");
});
