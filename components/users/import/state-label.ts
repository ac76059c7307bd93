/** How each job state reads in the console. */
export const STATE_LABEL: Record<string, string> = {
  staging: "Being checked",
  preview: "Preview: not started",
  queued: "Waiting to start",
  running: "Importing",
  cancelling: "Cancelling",
  cancelled: "Cancelled",
  done: "Finished",
  failed: "Stopped with an error",
};
