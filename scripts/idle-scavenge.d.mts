import type { Server } from "node:http";
export declare const IDLE_SCAVENGE_THRESHOLD: number;
export declare function newSpaceFill(): number;
export declare function scavengeWhenIdle(server: Server, threshold?: number): void;
