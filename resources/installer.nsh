; Included by electron-builder's NSIS script (electron-builder.yml: nsis.include). Issue 18: an opt-in "jiaodui"
; command. The installer asks whether to add the install folder to the user's PATH (per user, HKCU; no admin
; rights); a silent install answers No. Windows finds Jiaodui.exe when "jiaodui" is typed, as names are not
; case-sensitive there. The uninstaller takes the folder off the PATH again. See docs/command-line.md.
!include "LogicLib.nsh"
!include "WordFunc.nsh"

!macro customInstall
  MessageBox MB_YESNO|MB_ICONQUESTION "Add Jiaodui to your PATH, so that the jiaodui command works in a terminal?$\r$\n$\r$\n将校对加入 PATH，以便在终端中使用 jiaodui 命令？" /SD IDNO IDNO jiaodui_path_done
    ReadRegStr $0 HKCU "Environment" "Path"
    ; Never twice: drop an earlier entry first.
    ${WordReplace} "$0" ";$INSTDIR" "" "+" $0
    ${If} $0 == ""
    ${OrIf} $0 == "$INSTDIR"
      StrCpy $0 "$INSTDIR"
    ${Else}
      StrCpy $0 "$0;$INSTDIR"
    ${EndIf}
    WriteRegExpandStr HKCU "Environment" "Path" "$0"
    SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
  jiaodui_path_done:
!macroend

!macro customUnInstall
  ReadRegStr $0 HKCU "Environment" "Path"
  ${If} $0 == "$INSTDIR"
    DeleteRegValue HKCU "Environment" "Path"
  ${Else}
    ${WordReplace} "$0" ";$INSTDIR" "" "+" $1
    ${If} $1 != $0
      WriteRegExpandStr HKCU "Environment" "Path" "$1"
    ${EndIf}
  ${EndIf}
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
!macroend
