export function encodeIndexedPng(width: number, height: number, rgba: Uint8Array): Buffer;
export function readPngHeader(buffer: Uint8Array): { width: number; height: number; bitDepth: number; colourType: number } | null;
export function crc32(bytes: Uint8Array): number;
