/**
 * exercises/tracks.json: the course outline. The tracks in course order, and in each the exercises
 * in the order a learner takes them, built or planned, with their kind and one line on what the
 * learner builds. It is the one place that orders the course; exercise.json describes one exercise.
 */
import { z } from "zod";
import { KINDS, SLUG_PATTERN, TRACK_PATTERN } from "./exercise-meta";

export const coursePlanSchema = z
  .object({
    tracks: z
      .array(
        z
          .object({
            track: z.string().regex(TRACK_PATTERN, "must look like 01-partitioning"),
            title: z.string().min(3),
            /** A paragraph: what the track is about and why it matters. */
            about: z.string().min(20),
            /** Where the track's facts come from: the topics of the system-design guides, in words. */
            topics: z.string().min(3),
            exercises: z
              .array(
                z
                  .object({
                    slug: z.string().regex(SLUG_PATTERN, "must be lower-case words joined by '-'"),
                    kind: z.enum(KINDS),
                    /** What the learner builds, in one line. */
                    builds: z.string().min(10),
                    /** What a correct solution must get right, in one line. */
                    mustGetRight: z.string().min(10),
                    /** What the budget measures, or "none". */
                    budget: z.string().min(3),
                  })
                  .strict(),
              )
              .min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type CoursePlan = z.infer<typeof coursePlanSchema>;
export type PlannedTrack = CoursePlan["tracks"][number];
export type PlannedExercise = PlannedTrack["exercises"][number];
