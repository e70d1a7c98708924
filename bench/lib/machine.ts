import os from "node:os";

/** What the numbers were taken on: they mean little without it. */
export type Machine = {
  node: string;
  v8: string;
  platform: string;
  arch: string;
  kernel: string;
  cpu: string;
  cores: number;
  memoryBytes: number;
  /** 1, 5 and 15 minute load averages when the run started: a busy machine gives noisy numbers. */
  loadAverage: number[];
};

/** This machine and this Node, as results.json records them. */
export function describeMachine(): Machine {
  return {
    node: process.version,
    v8: process.versions.v8,
    platform: process.platform,
    arch: process.arch,
    kernel: os.release(),
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    cores: os.availableParallelism(),
    memoryBytes: os.totalmem(),
    loadAverage: os.loadavg().map((load) => Number(load.toFixed(2))),
  };
}
