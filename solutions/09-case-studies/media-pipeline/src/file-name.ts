/**
 * A file name's extension: what follows its last dot, in lower case, "" when there is none.
 * "holiday.2024.JPG" -> "jpg", "cat.jpg.exe" -> "exe", "README" -> "".
 */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot === -1 ? "" : fileName.slice(dot + 1).toLowerCase();
}
