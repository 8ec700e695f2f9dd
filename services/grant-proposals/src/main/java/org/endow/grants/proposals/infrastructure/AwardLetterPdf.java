package org.endow.grants.proposals.infrastructure;

import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import org.endow.grants.proposals.application.AwardLetters;
import org.endow.grants.proposals.model.Application;
import org.endow.grants.proposals.model.Milestone;
import org.endow.grants.proposals.model.Proposal;
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

/** The award letter as a PDF (OpenPDF): the grant, its terms, the milestones and the reporting duties. */
@Singleton
class AwardLetterPdf implements AwardLetters {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);

    @Override
    public byte[] render(Proposal proposal) {
        Application application = proposal.application();
        String currency = application.currency();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Award letter: " + application.title());
            document.addCreator("Endow");
            document.open();
            document.add(new Paragraph("Endow Foundation", BOLD));
            document.add(new Paragraph("Grant award letter", TITLE));
            document.add(new Paragraph(
                    "Date: " + HumanTime.DOCUMENT_DAY.format(proposal.awardedAt()) + "    Grant reference: "
                            + proposal.id(),
                    BODY));
            document.add(new Paragraph(" ", BODY));
            document.add(new Paragraph("Dear " + proposal.applicant().name() + ",", BODY));
            document.add(new Paragraph(
                    "On the recommendation of the Grants Working Group (" + proposal.decision() + "), the foundation"
                            + " awards " + application.organisation() + " a grant of "
                            + Money.of(application.amountMinor(), currency).grouped()
                            + " " + currency + " in the " + proposal.policy().name() + " category for \""
                            + application.title() + "\" (" + HumanTime.DOCUMENT_DAY.format(application.startDate())
                            + " to "
                            + HumanTime.DOCUMENT_DAY.format(application.endDate())
                            + "). The grant is paid from the funded item "
                            + proposal.policy().fundCode() + ".",
                    BODY));
            document.add(new Paragraph(" ", BODY));
            document.add(new Paragraph("Terms", HEADING));
            for (String term : new String[] {
                "1. The grant is used only for the purpose described in the proposal and its budget.",
                "2. The event or work follows its code of conduct"
                        + (application.codeOfConductUrl() == null
                                        || application.codeOfConductUrl().isBlank()
                                ? "."
                                : " (" + application.codeOfConductUrl() + ")."),
                "3. Money not spent for the purpose is returned to the foundation.",
                "4. The foundation may acknowledge the grant publicly on its transparency page.",
                "5. The grant lapses if this letter is not accepted in the portal within 30 days."
            }) {
                document.add(new Paragraph(term, BODY));
            }
            document.add(new Paragraph(" ", BODY));
            document.add(new Paragraph("Milestones and payments", HEADING));
            PdfPTable table = new PdfPTable(new float[] {6, 44, 18, 16, 16});
            table.setWidthPercentage(100);
            table.setSpacingBefore(6);
            for (String heading : new String[] {"#", "Milestone", "Amount (" + currency + ")", "Date", "Report due"}) {
                table.addCell(cell(heading, BOLD, Element.ALIGN_LEFT));
            }
            for (Milestone m : proposal.milestones()) {
                table.addCell(cell(Integer.toString(m.number()), BODY, Element.ALIGN_LEFT));
                table.addCell(cell(m.title(), BODY, Element.ALIGN_LEFT));
                table.addCell(cell(Money.of(m.amountMinor(), currency).grouped(), BODY, Element.ALIGN_RIGHT));
                table.addCell(
                        cell(m.due() == null ? "" : HumanTime.DOCUMENT_DAY.format(m.due()), BODY, Element.ALIGN_LEFT));
                table.addCell(cell(
                        m.due() == null
                                ? ""
                                : HumanTime.DOCUMENT_DAY.format(m.due().plusDays(Proposal.REPORT_DAYS)),
                        BODY,
                        Element.ALIGN_LEFT));
            }
            document.add(table);
            document.add(new Paragraph(" ", BODY));
            document.add(new Paragraph("Reporting duties", HEADING));
            document.add(new Paragraph(
                    "After each payment you submit a progress report in the portal within " + Proposal.REPORT_DAYS
                            + " days of the milestone's date. The next milestone is paid only once staff have accepted"
                            + " the report on the previous one; the report on the last milestone is the final report."
                            + " While a report is overdue, no new application from you can be accepted.",
                    BODY));
            document.add(new Paragraph(" ", BODY));
            document.add(new Paragraph("Accepting this letter in the portal binds the grantee to these terms.", BODY));
            document.add(new Paragraph(" ", BODY));
            document.add(new Paragraph("For the foundation: the Grants staff", BOLD));
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("could not render the award letter", e);
        }
        return out.toByteArray();
    }

    private static PdfPCell cell(String text, Font font, int align) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(align);
        cell.setPadding(4);
        return cell;
    }
}
