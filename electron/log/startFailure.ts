import { NewerDatabaseError } from '../../db/open.js';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';

/** Exit codes of a desk that could not start (desk-server mode; the app exits with them after its dialog). */
export const START_EXIT = { failed: 1, newerDatabase: 3 } as const;

export interface StartFailure {
  /** Dialog title (Electron). */
  title: string;
  /** What happened and what to do, in Chinese then English (the main process has no UI language yet). */
  detail: string;
  /** One line for the console and the log. */
  line: string;
  exitCode: number;
}

/** The words shown when the desk cannot start: the dialog in Electron, the console line in desk-server mode. */
export function startFailure(err: unknown, logDir: string | null): StartFailure {
  const where = logDir ? `\n\n日志 / Log: ${logDir}` : '';
  if (err instanceof NewerDatabaseError) {
    return {
      title: 'LobbyDesk 需要更新 / LobbyDesk needs an update',
      detail:
        `此数据文件夹由更新版本的 LobbyDesk 写入（数据库版本 ${err.found}，本程序为 ${SCHEMA_VERSION}）。` +
        `请安装新版本；数据未被改动。\n\n${err.message}${where}`,
      line: `LobbyDesk could not start: ${err.message}`,
      exitCode: START_EXIT.newerDatabase,
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  return {
    title: 'LobbyDesk 无法启动 / LobbyDesk could not start',
    detail: `LobbyDesk 启动失败。请重启电脑后再试；仍失败时请把日志文件夹发给支持人员。` + `\n\n${message}${where}`,
    line: `LobbyDesk could not start: ${message}`,
    exitCode: START_EXIT.failed,
  };
}
