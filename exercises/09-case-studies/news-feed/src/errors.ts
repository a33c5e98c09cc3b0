import { CodedError } from "#kata";

/**
 * The errors a news feed raises for bad arguments. Given code: use it as it is.
 *
 * Each error carries a `code` a caller can switch on, and a message that says what was wrong and
 * what to do instead. A call that throws changes nothing.
 */
export type NewsFeedErrorCode =
  | "INVALID_OPTION" // pullThreshold, feedLimit or maxPageSize not a positive integer; clock not a function
  | "INVALID_USER_ID" // a user or author id that is not a non-empty string
  | "SELF_FOLLOW" // follow(user, user): a feed holds the accounts a user follows, never their own
  | "INVALID_POST_ID" // a post id that is not a non-empty string
  | "DUPLICATE_POST" // publish with a post id already published
  | "INVALID_CONTENT_TYPE" // a content type other than "text", "image" or "video"
  | "INVALID_LIMIT" // a page size that is not an integer from 1 to maxPageSize
  | "INVALID_CURSOR" // a cursor this feed did not hand out, or one handed out for another user
  | "INVALID_INSTANT"; // postScore at an instant that is not a finite number, or before the post was published

export class NewsFeedError extends CodedError<NewsFeedErrorCode> {
  override readonly name = "NewsFeedError";
}
