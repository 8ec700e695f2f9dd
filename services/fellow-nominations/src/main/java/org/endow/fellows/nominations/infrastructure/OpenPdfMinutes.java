package org.endow.fellows.nominations.infrastructure;

import jakarta.inject.Singleton;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.endow.fellows.nominations.application.MinutesDocuments;
import org.endow.fellows.nominations.model.Results;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/** The minutes of a cycle as an A4 PDF: counts and outcome per nominee, never who voted how. */
@Singleton
class OpenPdfMinutes implements MinutesDocuments {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16, new Color(0x1f, 0x4e, 0x8c));
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);

    @Override
    public byte[] render(String foundation, String cycle, String rule, List<Results.Result> results) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8_192);
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Fellow Work Group minutes " + cycle);
            document.addCreator("Endow");
            document.open();
            document.add(new Paragraph(foundation + " — Fellow Work Group", TITLE));
            document.add(new Paragraph("Minutes of the review of cycle " + cycle, BOLD));
            Paragraph ruleLine = new Paragraph("Rule: a nominee is approved with " + rule + ".", BODY);
            ruleLine.setSpacingAfter(12);
            document.add(ruleLine);
            if (results.isEmpty()) {
                document.add(new Paragraph("No vote was closed in this cycle.", BODY));
            } else {
                PdfPTable table = new PdfPTable(new float[] {34, 9, 9, 11, 11, 11, 15});
                table.setWidthPercentage(100);
                for (String h : new String[] {"Nominee", "Yes", "No", "Abstain", "Conflict", "Not voted", "Outcome"}) {
                    PdfPCell cell = new PdfPCell(new Phrase(h, BOLD));
                    cell.setBackgroundColor(new Color(0xee, 0xf2, 0xf7));
                    cell.setPadding(5);
                    table.addCell(cell);
                }
                for (Results.Result r : results) {
                    table.addCell(cell(r.nomineeName(), Element.ALIGN_LEFT));
                    table.addCell(cell(Integer.toString(r.yes()), Element.ALIGN_RIGHT));
                    table.addCell(cell(Integer.toString(r.no()), Element.ALIGN_RIGHT));
                    table.addCell(cell(Integer.toString(r.abstain()), Element.ALIGN_RIGHT));
                    table.addCell(cell(Integer.toString(r.conflict()), Element.ALIGN_RIGHT));
                    table.addCell(cell(Integer.toString(r.notVoted()), Element.ALIGN_RIGHT));
                    table.addCell(cell(r.decision().toLowerCase().replace('_', ' '), Element.ALIGN_LEFT));
                }
                document.add(table);
            }
            Paragraph note = new Paragraph(
                    "Members with a conflict of interest declared it and did not vote. Individual votes are"
                            + " confidential and not recorded in these minutes.",
                    BODY);
            note.setSpacingBefore(12);
            document.add(note);
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot render the minutes of " + cycle, e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static PdfPCell cell(String text, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, BODY));
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(5);
        return cell;
    }
}
