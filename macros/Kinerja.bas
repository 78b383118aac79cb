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
'
' The ribbon's Periode list (KinerjaPeriode) keeps the period Kompilasi and Ekspor show in
' this user's VBA settings (SaveSetting): 0 = the latest quarter any unit reported, 1..4 =
' s.d. TW I..IV. It goes to Python as the command's second argument (local) or as
' ?triwulan=N on the server's address (server).

' Filled in by the builder from xlkinerja.addin.command.
Private Const PYTHON_COMMAND As String = {{PYTHON_COMMAND}}
Private Const ACTION_PLACEHOLDER As String = {{ACTION_PLACEHOLDER}}
Private Const TRIWULAN_PLACEHOLDER As String = {{TRIWULAN_PLACEHOLDER}}
Private Const TITLE As String = "xlkinerja"
Private Const SETTING_SECTION As String = "Pita"
Private Const SETTING_PERIODE As String = "Triwulan"

' The period chosen on the ribbon: 0 (the latest reported) unless 1..4 was chosen.
Private Function PeriodeDipilih() As Integer
    Dim text As String
    text = GetSetting(TITLE, SETTING_SECTION, SETTING_PERIODE, "0")
    If text = "1" Or text = "2" Or text = "3" Or text = "4" Then
        PeriodeDipilih = CInt(text)
    Else
        PeriodeDipilih = 0
    End If
End Function

' The Periode list's onAction: the item chosen (0 = Triwulan terakhir, 1..4 = s.d. TW I..IV).
Public Sub KinerjaPeriode(control As IRibbonControl, id As String, index As Integer)
    SaveSetting TITLE, SETTING_SECTION, SETTING_PERIODE, CStr(index)
End Sub

' The Periode list's getSelectedItemIndex: what was chosen last, kept between sessions.
Public Sub KinerjaPeriodeTerpilih(control As IRibbonControl, ByRef returnedVal)
    returnedVal = PeriodeDipilih()
End Sub

Public Sub KinerjaTombol(control As IRibbonControl)
    Dim action As String
    Dim mode As String
    Dim url As String
    Dim periode As Integer

    action = control.Tag
    periode = PeriodeDipilih()
    If ActiveWorkbook Is Nothing Then
        MsgBox "Belum ada buku kerja yang terbuka. Buka buku kerja yang akan diproses, " & _
               "lalu tekan tombol ini lagi.", vbExclamation, TITLE
        Exit Sub
    End If

    mode = LCase$(Trim$(GetConfig("MODE", "local")))
    Select Case mode
        Case "local"
            RunPython Replace(Replace(PYTHON_COMMAND, ACTION_PLACEHOLDER, action), _
                              TRIWULAN_PLACEHOLDER, CStr(periode))
        Case "server"
            url = Trim$(GetConfig("SERVER_URL", ""))
            If url = "" Then
                MsgBox "Mode server dipilih, tetapi alamat server (SERVER_URL) belum diisi " & _
                       "di pengaturan xlkinerja.conf. Hubungi admin unit perencanaan.", _
                       vbExclamation, TITLE
                Exit Sub
            End If
            If Right$(url, 1) = "/" Then url = Left$(url, Len(url) - 1)
            url = url & "/xlwings/" & action
            If periode > 0 Then url = url & "?triwulan=" & CStr(periode)
            RunRemotePython url
        Case Else
            MsgBox "Pengaturan MODE di xlkinerja.conf berisi """ & mode & """; " & _
                   "isilah local (Python di komputer ini) atau server.", vbExclamation, TITLE
    End Select
End Sub
