package org.endow.fellows;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.endow.platform.testing.ArchitectureRules;

/** This service's classes against the layering every Endow service keeps. */
@AnalyzeClasses(packages = "org.endow.fellows", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests layering = ArchTests.in(ArchitectureRules.class);
}
