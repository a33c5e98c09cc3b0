/**
 * The naive service: the reference, with every read and every update of a user behind one lock
 * per user (a promise chain), the first cure many reach for against cache races. Each call waits
 * for the calls on that user before it, so no read ever overlaps a write of the same profile, and
 * every test passes.
 *
 * The cost is on the hot profiles, where it hurts most: a celebrity read thousands of times a
 * second is served one read at a time, each waiting a cache round trip for the one before, and a
 * single slow write to the primary stalls every reader behind it. The bench's burst shows it. The
 * lock also protects nothing across the fleet: another instance of the service takes no part in
 * it, which is why the reference relies on versions instead.
 */
import { UserProfileService as Reference, type Profile, type ProfileChanges } from "../src/user-profile-service";

export type {
  Profile,
  ProfileChanges,
  ProfileEvent,
  ProfileUpdated,
  UserProfileServiceOptions,
} from "../src/user-profile-service";

export class UserProfileService extends Reference {
  private readonly tails = new Map<string, Promise<unknown>>();

  override getProfile(userId: string): Promise<Profile> {
    return this.inTurn(userId, () => super.getProfile(userId));
  }

  override updateProfile(userId: string, changes: ProfileChanges): Promise<Profile> {
    return this.inTurn(userId, () => super.updateProfile(userId, changes));
  }

  /** Runs `call` once every earlier call on `userId` has settled. */
  private inTurn<T>(userId: string, call: () => Promise<T>): Promise<T> {
    const turn = (this.tails.get(userId) ?? Promise.resolve()).then(call);
    const tail = turn.catch(() => undefined);
    this.tails.set(userId, tail);
    void tail.then(() => {
      if (this.tails.get(userId) === tail) this.tails.delete(userId);
    });
    return turn;
  }
}
