Attribute VB_Name = "KinerjaRekap"
Option Explicit
' Opens the report the server compiled for the planning unit (the Kompilasi button in server
' mode, xlkinerja/excel/planner.py). The server's answer runs this macro through
' xlwings' runMacro, the workbook first, then the report's download path on the server
' ("unduh/<token>", valid a few minutes) and its file name. The server's address is the
' add-in's own SERVER_URL setting, the one the button's call went to.

Private Const TITLE As String = "xlkinerja"

Public Function KinerjaBukaRekap(wb As Variant, resource As Variant, reportName As Variant) As Boolean
    Dim url As String

    url = ServerAddress(resource)
    On Error GoTo Failed
    Workbooks.Open url, 0, True  ' no link updates, read-only
    KinerjaBukaRekap = True
    Exit Function
Failed:
    MsgBox "Rekap " & CStr(reportName) & " sudah dibuat di server, tetapi Excel tidak dapat " & _
           "membukanya (" & Err.Description & ")." & vbLf & vbLf & _
           "Buka alamat berikut di peramban dalam 10 menit untuk mengunduhnya:" & vbLf & url, _
           vbExclamation, TITLE
    KinerjaBukaRekap = False
End Function

' The export the server made for the planning unit (the Ekspor button in server mode): a zip
' of several files, handed to the browser, which saves it like any download.
Public Function KinerjaUnduh(wb As Variant, resource As Variant, reportName As Variant) As Boolean
    Dim url As String

    url = ServerAddress(resource)
    On Error GoTo Failed
    ThisWorkbook.FollowHyperlink url
    KinerjaUnduh = True
    Exit Function
Failed:
    MsgBox "Berkas ekspor " & CStr(reportName) & " sudah dibuat di server, tetapi peramban " & _
           "tidak dapat dibuka (" & Err.Description & ")." & vbLf & vbLf & _
           "Buka alamat berikut di peramban dalam 10 menit untuk mengunduhnya:" & vbLf & url, _
           vbExclamation, TITLE
    KinerjaUnduh = False
End Function

' SERVER_URL (the add-in's setting, the address the button's call went to) + a path on it.
Private Function ServerAddress(resource As Variant) As String
    Dim url As String

    url = Trim$(GetConfig("SERVER_URL", ""))
    If Right$(url, 1) = "/" Then url = Left$(url, Len(url) - 1)
    ServerAddress = url & "/" & CStr(resource)
End Function
