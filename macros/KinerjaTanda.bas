Attribute VB_Name = "KinerjaTanda"
Option Explicit
' Marks of a validation run on the user's cells: a fill colour and a note, and undoing them.
' Called by xlkinerja (xlkinerja/excel/writeback.py) through Application.Run: in
' server mode by xlwings' runMacro action, which passes the workbook first; in local mode by
' Python through COM, which passes it too.
'
' The unit's sheets are protected (no password; format cells and notes not allowed), so each
' mark unprotects the sheet and protects it again with the same options. A sheet protected
' with a password of the user's is left unmarked (the report still lists the finding).
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

    Dim sheet As Worksheet
    Dim guard As Variant

    Set sheet = wb.Worksheets(CStr(sheetName))
    Set target = sheet.Range(CStr(address))
    Set report = wb.Worksheets("Hasil Validasi")
    guard = Unprotected(sheet)
    If IsEmpty(guard) Then
        KinerjaTandai = -1  ' protected with a password: not marked
        Exit Function
    End If

    If target.Interior.ColorIndex = xlColorIndexNone Then
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
    Protect sheet, guard

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
    Dim guard As Variant

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
            guard = Unprotected(target.Worksheet)
        End If
        If Not target Is Nothing And Not IsEmpty(guard) Then
            If IsOurFill(target.Interior.Color) Then
                If report.Cells(r, RECORD_COL + 2).Value = -1 Then
                    target.Interior.ColorIndex = xlColorIndexNone
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
            Protect target.Worksheet, guard
        End If
        r = r + 1
    Loop
    KinerjaBersihkan = restored
End Function

' Write a block of values into sheet `sheetName` from row `firstRow`, column `firstCol`
' (xlkinerja/excel/cells.py): `block` is lines (vbLf) of tab-separated fields, each
' "n:<number>" (a dot as the decimal sign: Val reads it whatever the locale), "t:<text>"
' (written as text, never as a formula) or empty (the cell is cleared). The sheet's
' protection is lifted for the writing and put back. Returns the number of cells written.
Public Function KinerjaTulis(wb As Variant, sheetName As Variant, firstRow As Variant, _
                             firstCol As Variant, block As Variant) As Long
    Dim sheet As Worksheet
    Dim guard As Variant
    Dim lines() As String
    Dim fields() As String
    Dim i As Long
    Dim j As Long
    Dim cell As Range
    Dim written As Long

    Set sheet = wb.Worksheets(CStr(sheetName))
    guard = Unprotected(sheet)
    If IsEmpty(guard) Then
        KinerjaTulis = -1  ' protected with a password: nothing written
        Exit Function
    End If
    lines = Split(CStr(block), vbLf)
    For i = 0 To UBound(lines)
        fields = Split(lines(i), vbTab)
        For j = 0 To UBound(fields)
            Set cell = sheet.Cells(CLng(firstRow) + i, CLng(firstCol) + j)
            If fields(j) = "" Then
                cell.ClearContents
            ElseIf Left$(fields(j), 2) = "n:" Then
                cell.Value = Val(Mid$(fields(j), 3))
            Else
                cell.NumberFormat = "@"
                cell.Value = Mid$(fields(j), 3)
            End If
            written = written + 1
        Next j
    Next i
    Protect sheet, guard
    KinerjaTulis = written
End Function

' The fills xlkinerja gives (xlkinerja/render/annotate/plan.py FILLS): galat, peringatan, info.
Private Function IsOurFill(color As Long) As Boolean
    IsOurFill = (color = RGB(&HFF, &HC7, &HCE)) Or (color = RGB(&HFF, &HEB, &H9C)) _
                Or (color = RGB(&HDD, &HEB, &HF7))
End Function

' The sheet's protection, lifted: an array of its options to protect it again with (the
' first element False when it was not protected); Empty when a password keeps it locked.
Private Function Unprotected(sheet As Worksheet) As Variant
    Dim options(0 To 15) As Variant
    options(0) = sheet.ProtectContents
    If Not options(0) Then
        Unprotected = options
        Exit Function
    End If
    options(1) = sheet.ProtectDrawingObjects
    options(2) = sheet.ProtectScenarios
    ' Read under On Error: a spreadsheet program without the Protection object (LibreOffice)
    ' protects the sheet again with the plain defaults.
    On Error Resume Next
    Dim i As Long
    For i = 3 To 13
        options(i) = False
    Next i
    With sheet.Protection
        options(3) = .AllowFormattingCells
        options(4) = .AllowFormattingColumns
        options(5) = .AllowFormattingRows
        options(6) = .AllowInsertingColumns
        options(7) = .AllowInsertingRows
        options(8) = .AllowInsertingHyperlinks
        options(9) = .AllowDeletingColumns
        options(10) = .AllowDeletingRows
        options(11) = .AllowSorting
        options(12) = .AllowFiltering
        options(13) = .AllowUsingPivotTables
    End With
    On Error GoTo 0
    On Error Resume Next
    sheet.Unprotect ""
    If Err.Number <> 0 Or sheet.ProtectContents Then
        Unprotected = Empty
        Exit Function
    End If
    On Error GoTo 0
    Unprotected = options
End Function

' Protect `sheet` again as it was (see Unprotected).
Private Sub Protect(sheet As Worksheet, options As Variant)
    If Not options(0) Then Exit Sub
    On Error Resume Next
    sheet.Protect Password:="", DrawingObjects:=options(1), Contents:=True, _
        Scenarios:=options(2), AllowFormattingCells:=options(3), _
        AllowFormattingColumns:=options(4), AllowFormattingRows:=options(5), _
        AllowInsertingColumns:=options(6), AllowInsertingRows:=options(7), _
        AllowInsertingHyperlinks:=options(8), AllowDeletingColumns:=options(9), _
        AllowDeletingRows:=options(10), AllowSorting:=options(11), _
        AllowFiltering:=options(12), AllowUsingPivotTables:=options(13)
    If Err.Number <> 0 Then
        ' A program that knows only the first options (LibreOffice): protected all the same.
        Err.Clear
        sheet.Protect ""
    End If
    On Error GoTo 0
End Sub
