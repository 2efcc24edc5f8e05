; Included by electron-builder's NSIS script (electron-builder.yml: nsis.include).
; The per-machine data folder, made at install time with administrator rights: inheritance from
; %ProgramData% cut, then full control for SYSTEM and Administrators and modify for the PC's Users
; (every Windows account that staffs the desk shares one desk identity). By SID, whatever the language.
; The same ACL the app sets when it makes the folder itself (db/privateFiles.ts, windowsMachineAclArgs).
!macro customInstall
  CreateDirectory "$COMMONAPPDATA\LobbyDesk"
  nsExec::Exec 'icacls "$COMMONAPPDATA\LobbyDesk" /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F /grant:r *S-1-5-32-544:(OI)(CI)F /grant:r *S-1-5-32-545:(OI)(CI)M'
!macroend
