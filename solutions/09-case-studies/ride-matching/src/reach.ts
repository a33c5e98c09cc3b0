/**
 * The one reach rule: a driver `distanceMetres` from a pickup is in reach when that distance is at
 * most the radius. A driver at exactly the radius is in.
 */
export function inReach(distanceMetres: number, radiusMetres: number): boolean {
  return distanceMetres <= radiusMetres;
}
