// Backups of the data file: list, back up now, restore; where the data lives.
import * as B from '../../wailsjs/go/backup/Service'
import type { backup, store } from '../../wailsjs/go/models'
import type { Plain } from './plain'

export type BackupFile = Plain<store.BackupFile>
export type RestoreResult = Plain<store.RestoreResult>
export type DataLocation = Plain<backup.Location>

export const backupApi = {
  location: () => B.Location() as Promise<DataLocation>,
  list: () => B.ListBackups() as Promise<BackupFile[] | null>,
  backUpNow: () => B.BackupNow() as Promise<BackupFile>,
  restore: (name: string) => B.Restore(name) as Promise<RestoreResult>,
}
