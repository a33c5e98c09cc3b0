/**
 * Wrong: the committed version is looked up when the miss starts, and the replica's copy is judged
 * against that. An update that commits while the replica read is on its way goes unnoticed: the
 * read comes back with the old copy, finds it "current", and caches it for the whole TTL.
 */
import { profileCacheKey, type Profile } from "../../src/profile";
import type { ServiceContext } from "../../src/service-context";
import { unknownUser } from "../../src/validation";

export async function readThrough(context: ServiceContext, userId: string): Promise<Profile> {
  const committed = context.committed.latest(userId)?.version ?? 0;
  const fromReplica = await context.replica.read(userId);
  if (fromReplica !== undefined && fromReplica.version >= committed) {
    await context.cache.set(profileCacheKey(userId), fromReplica, context.ttlMs);
    return fromReplica;
  }
  if (fromReplica === undefined && committed === 0) throw unknownUser(userId);
  const fromPrimary = await context.primary.read(userId);
  if (fromPrimary === undefined) throw unknownUser(userId);
  await context.cache.set(profileCacheKey(userId), fromPrimary, context.ttlMs);
  return fromPrimary;
}
