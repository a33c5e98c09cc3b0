/**
 * Nothing here is worth timing: an estimate is a handful of multiplications, made once per design
 * review, and its only measure is whether the figures are right. So the exercise has no budget
 * (exercise.json's budgets is {}) and is graded on its tests alone.
 */
import { defineBench } from "#kata/bench";
import type * as Api from "./src/capacity-estimation";

export default defineBench<typeof Api>({ workloads: [] });
