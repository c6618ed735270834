import { AsyncQueue } from '../../src/events/async-queue';

/** The bridge between the bus and graphql-ws: what a subscriber's stream does at its end. */
test('a failed stream rejects the consumer waiting on it (graphql-ws then sends an error, not complete)', async () => {
  let closed = 0;
  const queue = new AsyncQueue<number>(() => closed++);
  const waiting = queue.next();
  queue.fail(new Error('the audience could not be read'));
  await expect(waiting).rejects.toThrow('the audience could not be read');
  await expect(queue.next()).rejects.toThrow('the audience could not be read');
  expect(closed).toBe(1);
});

test('values pushed before the consumer asks are kept in order; return() ends the stream once', async () => {
  let closed = 0;
  const queue = new AsyncQueue<number>(() => closed++);
  queue.push(1);
  queue.push(2);
  expect(await queue.next()).toEqual({ value: 1, done: false });
  expect(await queue.next()).toEqual({ value: 2, done: false });
  const waiting = queue.next();
  await queue.return();
  await queue.return();
  expect(await waiting).toEqual({ value: undefined, done: true });
  expect(closed).toBe(1);
});
