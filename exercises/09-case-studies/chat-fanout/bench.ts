/**
 * What a chat server spends its time on: fanning each message out to the members of its room.
 * Many small rooms on one server (group DMs, small channels) is the common case on Discord and
 * Slack alike, and it is where designs differ: a fan-out that walks the room's members costs the
 * same whatever else is connected; one that walks every connection on the server costs more with
 * every room that is not listening.
 */
import { defineBench } from "#kata/bench";
import type * as Api from "./src/chat-fanout";

export default defineBench<typeof Api>({
  workloads: [
    {
      kind: "ws",
      name: "deliveries, 100 rooms of 4",
      server: (api) => api.createChatFanoutServer(),
      rooms: 100,
      membersPerRoom: 4,
      window: 4,
      roundSeconds: 2,
      joinFrames: (room, member) => [JSON.stringify({ type: "join", room, name: `m${member}` })],
      messageFrame: (room, _member, seq) => JSON.stringify({ type: "say", room, text: String(seq) }),
      delivered: (frame) => {
        const message = JSON.parse(frame) as Api.ServerFrame;
        return message.type === "message"
          ? { member: Number(message.from.slice(1)), seq: Number(message.text) }
          : undefined;
      },
    },
  ],
});
