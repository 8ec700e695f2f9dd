package org.endow.sponsors.catalogue.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.endow.sponsors.catalogue.model.Benefit;
import org.endow.sponsors.catalogue.model.CapacityKind;
import org.endow.sponsors.catalogue.model.Catalogue;
import org.endow.sponsors.catalogue.model.Catalogues;
import org.endow.sponsors.catalogue.model.Program;

public class InMemoryCatalogues implements Catalogues {

    final Map<Integer, Catalogue> years = new TreeMap<>();
    final Map<Integer, Map<String, Integer>> held = new HashMap<>();

    @Override
    public Optional<Catalogue> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    @Override
    public List<Integer> years() {
        return new ArrayList<>(years.keySet());
    }

    @Override
    public List<Program> programs() {
        return List.of(new Program("pycon-us", "PyCon US"), new Program("packaging", "Packaging"));
    }

    @Override
    public boolean add(Catalogue catalogue) {
        return years.putIfAbsent(catalogue.year(), catalogue) == null;
    }

    @Override
    public Optional<Benefit> lockBenefit(int year, String code) {
        return year(year).flatMap(c -> c.benefit(code));
    }

    @Override
    public void changeCapacity(int year, String code, Integer capacity, CapacityKind kind) {
        Catalogue c = years.get(year);
        var benefits = c.benefits().stream()
                .map(b -> b.code().equals(code) ? b.withCapacity(capacity, kind) : b)
                .toList();
        years.put(year, new Catalogue(year, c.packages(), benefits, c.clauses()));
    }

    @Override
    public Map<String, Integer> held(int year) {
        return held.getOrDefault(year, Map.of());
    }

    public void hold(int year, String benefit, int units) {
        held.computeIfAbsent(year, y -> new HashMap<>()).merge(benefit, units, Integer::sum);
    }
}
