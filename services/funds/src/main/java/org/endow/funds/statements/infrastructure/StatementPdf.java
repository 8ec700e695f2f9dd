package org.endow.funds.statements.infrastructure;

import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import org.endow.funds.statements.application.PreparingStatement.Figures;
import org.endow.funds.statements.application.PreparingStatement.Line;
import org.endow.funds.statements.application.PreparingStatement.Statement;
import org.endow.kernel.HumanTime;
import org.endow.kernel.Money;
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

/** Renders an item statement as a PDF for staff and auditors (OpenPDF). */
@Singleton
class StatementPdf {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);

    byte[] render(Statement statement, Instant generatedAt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Statement of " + statement.item().code());
            document.addCreator("Endow");
            document.open();
            String currency = statement.item().target().currencyCode();
            document.add(new Paragraph("Statement: " + statement.item().title(), TITLE));
            document.add(new Paragraph(
                    "Funded item " + statement.item().code() + " · period "
                            + HumanTime.DOCUMENT_DAY.format(statement.from()) + " to "
                            + HumanTime.DOCUMENT_DAY.format(statement.to().minusSeconds(1)) + " (UTC) · amounts in "
                            + currency
                            + " · generated " + HumanTime.DOCUMENT_MINUTE.format(generatedAt),
                    BODY));
            document.add(new Paragraph(" ", BODY));

            PdfPTable table = new PdfPTable(new float[] {10, 16, 34, 10, 10, 10, 10});
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            for (String heading :
                    new String[] {"Date", "Kind", "Description", "Pledged", "Raised", "Given", "Raised after"}) {
                table.addCell(cell(heading, BOLD, Element.ALIGN_LEFT));
            }
            summaryRow(table, "Opening balance", statement.opening(), currency);
            for (Line line : statement.lines()) {
                table.addCell(cell(HumanTime.DAY.format(line.at()), BODY, Element.ALIGN_LEFT));
                table.addCell(cell(line.kind().replace('_', ' ').toLowerCase(), BODY, Element.ALIGN_LEFT));
                table.addCell(cell(line.description(), BODY, Element.ALIGN_LEFT));
                table.addCell(cell(Money.of(line.change().pledged(), currency).grouped(), BODY, Element.ALIGN_RIGHT));
                table.addCell(cell(Money.of(line.change().raised(), currency).grouped(), BODY, Element.ALIGN_RIGHT));
                table.addCell(cell(Money.of(line.change().given(), currency).grouped(), BODY, Element.ALIGN_RIGHT));
                table.addCell(cell(Money.of(line.after().raised(), currency).grouped(), BODY, Element.ALIGN_RIGHT));
            }
            summaryRow(table, "Closing balance", statement.closing(), currency);
            document.add(table);
            document.add(new Paragraph(" ", BODY));
            document.add(new Paragraph(
                    statement.lines().size() + " entries. Pledged: promised and not yet received. Raised: received."
                            + " Given: the fund's balance (pledged and received gifts, in-kind, transfers)."
                            + " Every figure is read from the double-entry ledger.",
                    BODY));
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot render the statement", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static void summaryRow(PdfPTable table, String label, Figures figures, String currency) {
        PdfPCell name = cell(label, BOLD, Element.ALIGN_LEFT);
        name.setColspan(3);
        table.addCell(name);
        table.addCell(cell(Money.of(figures.pledged(), currency).grouped(), BOLD, Element.ALIGN_RIGHT));
        table.addCell(cell(Money.of(figures.raised(), currency).grouped(), BOLD, Element.ALIGN_RIGHT));
        table.addCell(cell(Money.of(figures.given(), currency).grouped(), BOLD, Element.ALIGN_RIGHT));
        table.addCell(cell("", BOLD, Element.ALIGN_RIGHT));
    }

    private static PdfPCell cell(String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(4);
        return cell;
    }
}
