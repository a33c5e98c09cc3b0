/**
 * What a chat server spends its time on: fanning each message out to the other members of its
 * room. Here 2 busy rooms of 32, every member sending, each message a pasted block of code of
 * 10,000 characters (maxTextLength's ceiling; Slack takes up to 40,000). The cost that grows with
 * the recipients is where designs differ: a server that serialises a message once writes the same
 * bytes to each of the 31 other members; one that runs JSON.stringify again for every recipient
 * (and walks every connection on the server to find them) does the expensive part 31 times.
 *
 * The load generator reads only the two fields it needs from each frame (regular expressions, not
 * JSON.parse), so that it stays cheaper per delivery than the server it measures.
 */
import { defineBench } from "#kata/bench";
import type * as Api from "./src/chat-fanout";

const TEXT_LENGTH = 10_000;
/** The text after the seq: lines of code, with the quotes, tabs and newlines JSON escapes. */
const CODE = 'if (ready) { log("sent\\t" + id); }\n'.repeat(TEXT_LENGTH / 30).slice(0, TEXT_LENGTH - 12);
/** The same, escaped once for the frames the clients send (no JSON.stringify per message). */
const CODE_IN_JSON = JSON.stringify(CODE).slice(1, -1);

export default defineBench<typeof Api>({
  workloads: [
    {
      kind: "ws",
      name: "deliveries, 2 rooms of 32",
      server: (api) => api.createChatFanoutServer({ maxTextLength: TEXT_LENGTH }),
      rooms: 2,
      membersPerRoom: 32,
      window: 2,
      roundSeconds: 2,
      joinFrames: (room, member) => [JSON.stringify({ type: "join", room, name: `m${member}` })],
      messageFrame: (room, _member, seq) =>
        `{"type":"say","room":${JSON.stringify(room)},"text":"${seq} ${CODE_IN_JSON}"}`,
      // A message frame names its sender ("from":"m3") and starts its text with the seq; no other
      // frame has a "from" (the joined frames here carry no history: every member joins before
      // the first message).
      delivered: (frame) => {
        const from = /"from"\s*:\s*"m(\d+)"/.exec(frame);
        const text = /"text"\s*:\s*"(\d+) /.exec(frame);
        return from && text ? { member: Number(from[1]), seq: Number(text[1]) } : undefined;
      },
    },
  ],
});
