Attribute VB_Name = "KinerjaTanda"
Option Explicit
' Marks of a validation run on the user's cells: a fill colour and a note, and undoing them.
' Called by xlkinerja (xlkinerja/io/annotate/live_backend.py) through Application.Run: in
' server mode by xlwings' runMacro action, which passes the workbook first; in local mode by
' Python through COM, which passes it too.
'
' The record of the marks sits in hidden columns K:N of the "Hasil Validasi" sheet, from
' row 5 (row 4 holds the header "xlkinerja: lembar", "sel", "warna_asal", "catatan_baru"):
' the sheet and cell marked, the fill the cell had (-1: none), and 1 when the note is ours.

Private Const RECORD_COL As Long = 11   ' K
Private Const HEADER_ROW As Long = 4
Private Const RECORD_MARK As String = "xlkinerja: lembar"
Private Const NOTE_MARK As String = "[xlkinerja]"

' Give the cell `address` of sheet `sheetName` the fill `rgbHex` (RRGGBB) and the note
' `note`, and write what it had before into row `recordRow` of the report sheet.
' Arguments are Variants: Application.Run passes them so (from JSON: numbers are Doubles).
Public Function KinerjaTandai(wb As Variant, sheetName As Variant, address As Variant, _
                             rgbHex As Variant, note As Variant, recordRow As Variant) As Long
    Dim target As Range
    Dim report As Worksheet
    Dim original As Long
    Dim added As Long

    Set target = wb.Worksheets(CStr(sheetName)).Range(CStr(address))
    Set report = wb.Worksheets("Hasil Validasi")

    If target.Interior.Pattern = xlNone Then
        original = -1
    Else
        original = target.Interior.Color
    End If
    target.Interior.Color = RGB(CLng("&H" & Mid$(rgbHex, 1, 2)), _
                                CLng("&H" & Mid$(rgbHex, 3, 2)), _
                                CLng("&H" & Mid$(rgbHex, 5, 2)))
    added = 0
    If target.Comment Is Nothing Then
        target.AddComment NOTE_MARK & vbLf & CStr(note)
        added = 1
    End If

    report.Cells(CLng(recordRow), RECORD_COL).Value = CStr(sheetName)
    report.Cells(CLng(recordRow), RECORD_COL + 1).Value = CStr(address)
    report.Cells(CLng(recordRow), RECORD_COL + 2).Value = original
    report.Cells(CLng(recordRow), RECORD_COL + 3).Value = added
    report.Columns(RECORD_COL).Resize(, 4).Hidden = True
    KinerjaTandai = added
End Function

' Undo the marks recorded on the report sheet `reportName`: every recorded cell gets its
' fill back (when it still has one of ours) and loses the note we added (when it is still
' ours). The report sheet itself is deleted by xlkinerja afterwards.
Public Function KinerjaBersihkan(wb As Variant, reportName As Variant) As Long
    Dim report As Worksheet
    Dim r As Long
    Dim target As Range
    Dim restored As Long

    On Error Resume Next
    Set report = wb.Worksheets(CStr(reportName))
    On Error GoTo 0
    If report Is Nothing Then Exit Function
    If report.Cells(HEADER_ROW, RECORD_COL).Value <> RECORD_MARK Then Exit Function

    r = HEADER_ROW + 1
    Do While report.Cells(r, RECORD_COL).Value <> ""
        Set target = Nothing
        On Error Resume Next
        Set target = wb.Worksheets(CStr(report.Cells(r, RECORD_COL).Value)) _
                       .Range(CStr(report.Cells(r, RECORD_COL + 1).Value))
        On Error GoTo 0
        If Not target Is Nothing Then
            If IsOurFill(target.Interior.Color) Then
                If report.Cells(r, RECORD_COL + 2).Value = -1 Then
                    target.Interior.Pattern = xlNone
                Else
                    target.Interior.Color = report.Cells(r, RECORD_COL + 2).Value
                End If
                restored = restored + 1
            End If
            If report.Cells(r, RECORD_COL + 3).Value = 1 And Not target.Comment Is Nothing Then
                If Left$(target.Comment.Text, Len(NOTE_MARK)) = NOTE_MARK Then
                    target.Comment.Delete
                End If
            End If
        End If
        r = r + 1
    Loop
    KinerjaBersihkan = restored
End Function

' The fills xlkinerja gives (xlkinerja/io/annotate/plan.py FILLS): galat, peringatan, info.
Private Function IsOurFill(color As Long) As Boolean
    IsOurFill = (color = RGB(&HFF, &HC7, &HCE)) Or (color = RGB(&HFF, &HEB, &H9C)) _
                Or (color = RGB(&HDD, &HEB, &HF7))
End Function
