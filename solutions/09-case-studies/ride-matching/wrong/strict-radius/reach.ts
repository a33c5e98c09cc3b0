/** Wrong: a driver at exactly the radius is treated as out of reach (< instead of <=). */
export function inReach(distanceMetres: number, radiusMetres: number): boolean {
  return distanceMetres < radiusMetres;
}
