import type { FileHandle } from 'node:fs/promises';
import type { TileRequest } from '../shared/ipc/scan-tile-url';
import type { Result } from '../shared/result';
import type { ErrorLog } from './services/app/error-log';

/// The part of the services' handler table the shells use: one entry point per channel.
///
/// Matches what `createHandlers` in electron/services/handlers/table.ts returns; declared here so the IPC
/// registration and the harness server depend only on this shape.
export interface HandlerTable {
  /// Validates `rawArgs` (a JSON array) for `channel` and runs the handler.
  handle(channel: string, rawArgs: unknown): Promise<Result<unknown>>;
  /// The app log the shells write their own failures to (absent in tests with a stand-in table).
  errorLog?: Pick<ErrorLog, 'write'>;
  /// Every request channel the table answers.
  channels: readonly string[];
  /// A scan image file of the open corpus, opened and verified inside it, for the shells to stream from `handle`
  /// (never by path); the receiver closes the handle.
  scanImageFile?(rel: string): Promise<Result<{ handle: FileHandle; mime: string; size: number }>>;
  /// The downscaled copy of a scan image of the open corpus, `width` pixels wide (confined like `scanImageFile`).
  scanImagePreview?(rel: string, width: number): Promise<Result<{ bytes: Buffer; mime: string }>>;
  /// A TIFF scan of the open corpus converted to PNG (browsers cannot show TIFF); fails where it cannot be made.
  scanImageAsPng?(rel: string): Promise<Result<{ bytes: Buffer; mime: string }>>;
  /// A deep-zoom answer for a large scan of the open corpus (its pyramid's description as JSON, a tile or a line
  /// crop as JPEG), confined like `scanImageFile`.
  scanTile?(rel: string, request: TileRequest): Promise<Result<{ bytes: Buffer; mime: string }>>;
}
