package org.endow.fellows.nominations.application;

import java.util.List;
import org.endow.fellows.nominations.model.Results;

/** Renders a cycle's minutes (counts per nominee, never individual votes) as a PDF. */
public interface MinutesDocuments {

    byte[] render(String foundation, String cycle, String rule, List<Results.Result> results);
}
