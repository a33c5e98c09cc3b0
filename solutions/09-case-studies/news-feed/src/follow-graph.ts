/**
 * Who follows whom. Each follow remembers the sequence of the last post published before it: a
 * follower sees the posts published after that, whichever way they are delivered.
 */
export class FollowGraph {
  private readonly followersByAuthor = new Map<string, Set<string>>();
  private readonly followingByUser = new Map<string, Map<string, number>>();

  /** False (and no change) if `user` already follows `author`. */
  follow(user: string, author: string, sinceSequence: number): boolean {
    let following = this.followingByUser.get(user);
    if (following === undefined) {
      following = new Map();
      this.followingByUser.set(user, following);
    }
    if (following.has(author)) return false;
    following.set(author, sinceSequence);
    let followers = this.followersByAuthor.get(author);
    if (followers === undefined) {
      followers = new Set();
      this.followersByAuthor.set(author, followers);
    }
    followers.add(user);
    return true;
  }

  /** False (and no change) if `user` does not follow `author`. */
  unfollow(user: string, author: string): boolean {
    if (this.followingByUser.get(user)?.delete(author) !== true) return false;
    this.followersByAuthor.get(author)?.delete(user);
    return true;
  }

  followers(author: string): ReadonlySet<string> {
    return this.followersByAuthor.get(author) ?? NONE;
  }

  /** The authors `user` follows, each with the sequence its follow started after. */
  following(user: string): ReadonlyMap<string, number> {
    return this.followingByUser.get(user) ?? NO_FOLLOWS;
  }
}

const NONE: ReadonlySet<string> = new Set();
const NO_FOLLOWS: ReadonlyMap<string, number> = new Map();
