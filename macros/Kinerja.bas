Attribute VB_Name = "Kinerja"
Option Explicit
' The xlkinerja add-in's one ribbon callback. Every button of the "Kinerja" tab calls
' KinerjaTombol; the button's tag names the Python action to run (xlkinerja/addin/ribbon.py).
'
' Settings are read with xlwings' own GetConfig (module "xlwings", PROJECT_NAME "xlkinerja"),
' first found wins: a sheet "xlkinerja.conf" in the active workbook, the same sheet in this
' add-in, a file xlkinerja.conf next to the active workbook, %USERPROFILE%\.xlkinerja\xlkinerja.conf.
'   MODE         local (the default): Python on this PC, through RunPython
'                server: the institution's xlkinerja server, through RunRemotePython
'   SERVER_URL   the server's address, e.g. https://kinerja.example.go.id (server mode)
'   AUTH         sent as the Authorization header, e.g. the API key (server mode; read by xlwings)
'   INTERPRETER_WIN, INTERPRETER_MAC, PYTHONPATH   local mode (read by xlwings)

' Filled in by the builder from xlkinerja.addin.command.
Private Const PYTHON_COMMAND As String = {{PYTHON_COMMAND}}
Private Const ACTION_PLACEHOLDER As String = {{ACTION_PLACEHOLDER}}
Private Const TITLE As String = "xlkinerja"

Public Sub KinerjaTombol(control As IRibbonControl)
    Dim action As String
    Dim mode As String
    Dim url As String

    action = control.Tag
    If ActiveWorkbook Is Nothing Then
        MsgBox "Belum ada buku kerja yang terbuka. Buka buku kerja yang akan diproses, " & _
               "lalu tekan tombol ini lagi.", vbExclamation, TITLE
        Exit Sub
    End If

    mode = LCase$(Trim$(GetConfig("MODE", "local")))
    Select Case mode
        Case "local"
            RunPython Replace(PYTHON_COMMAND, ACTION_PLACEHOLDER, action)
        Case "server"
            url = Trim$(GetConfig("SERVER_URL", ""))
            If url = "" Then
                MsgBox "Mode server dipilih, tetapi alamat server (SERVER_URL) belum diisi " & _
                       "di pengaturan xlkinerja.conf. Hubungi admin unit perencanaan.", _
                       vbExclamation, TITLE
                Exit Sub
            End If
            If Right$(url, 1) = "/" Then url = Left$(url, Len(url) - 1)
            RunRemotePython url & "/xlwings/" & action
        Case Else
            MsgBox "Pengaturan MODE di xlkinerja.conf berisi """ & mode & """; " & _
                   "isilah local (Python di komputer ini) atau server.", vbExclamation, TITLE
    End Select
End Sub
