/** Wrong: a follow pulls every post the author ever published, older ones included. */
import { FollowGraph as Reference } from "../../src/follow-graph";

export class FollowGraph extends Reference {
  override follow(user: string, author: string): boolean {
    return super.follow(user, author, 0);
  }
}
