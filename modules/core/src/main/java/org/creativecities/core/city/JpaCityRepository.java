package org.creativecities.core.city;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** JPA implementation of {@link CityRepository}. */
@ApplicationScoped
public class JpaCityRepository implements CityRepository {

    @PersistenceContext(unitName = "ccc")
    private EntityManager em;

    @Override
    public List<CityRow> allCityRows() {
        return em.createQuery("SELECT c.id, c.slug, c.name, c.countryCode, c.countryName, c.latitude, c.longitude, "
                        + "c.description, c.website, c.joinPolicy, f.slug, c.joinedYear, c.searchKey, c.retiredAt, "
                        + "c.updatedAt FROM City c LEFT JOIN c.currentField f ORDER BY c.id", Object[].class)
                .getResultList().stream()
                .map(r -> new CityRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                        (String) r[4], (BigDecimal) r[5], (BigDecimal) r[6], (String) r[7], (String) r[8],
                        (City.JoinPolicy) r[9], (String) r[10], r[11] == null ? null : ((Number) r[11]).intValue(),
                        (String) r[12], (OffsetDateTime) r[13], (OffsetDateTime) r[14]))
                .toList();
    }

    @Override
    public List<DesignationRow> allDesignationRows() {
        return em.createQuery("SELECT d.city.id, f.slug, f.name, d.year FROM Designation d JOIN d.field f "
                        + "ORDER BY d.city.id, d.year, d.id", Object[].class)
                .getResultList().stream()
                .map(r -> new DesignationRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                        ((Number) r[3]).intValue()))
                .toList();
    }

    @Override
    public Optional<City> findBySlug(String slug) {
        return em.createQuery("SELECT c FROM City c WHERE c.slug = :slug", City.class)
                .setParameter("slug", slug).getResultStream().findFirst();
    }

    @Override
    public Optional<City> findById(long id) {
        return Optional.ofNullable(em.find(City.class, id));
    }

    @Override
    public Optional<City> findByNameAndCountry(String name, String countryCode) {
        return em.createQuery("SELECT c FROM City c WHERE c.name = :name AND c.countryCode = :code", City.class)
                .setParameter("name", name).setParameter("code", countryCode).getResultStream().findFirst();
    }

    @Override
    public boolean slugExists(String slug) {
        return em.createQuery("SELECT COUNT(c) FROM City c WHERE c.slug = :slug", Long.class)
                .setParameter("slug", slug).getSingleResult() > 0;
    }

    @Override
    public City add(City city) {
        em.persist(city);
        em.flush();
        return city;
    }

    @Override
    public void evictCachedFields() {
        em.getEntityManagerFactory().getCache().evict(CreativeField.class);
    }

    @Override
    public List<CreativeField> fields() {
        return em.createQuery("SELECT f FROM CreativeField f ORDER BY f.sortOrder, f.slug", CreativeField.class)
                .getResultList();
    }

    @Override
    public Optional<CreativeField> findField(String slug) {
        return em.createQuery("SELECT f FROM CreativeField f WHERE f.slug = :slug", CreativeField.class)
                .setParameter("slug", slug).getResultStream().findFirst();
    }

    @Override
    public CreativeField addField(CreativeField field) {
        em.persist(field);
        em.flush();
        return field;
    }

    @Override
    public Map<String, Long> citiesPerField() {
        Map<String, Long> counts = new LinkedHashMap<>();
        fields().forEach(f -> counts.put(f.slug(), 0L));
        em.createQuery("SELECT c.currentField.slug, COUNT(c) FROM City c WHERE c.retiredAt IS NULL "
                        + "AND c.currentField IS NOT NULL GROUP BY c.currentField.slug", Object[].class)
                .getResultList().forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return counts;
    }

    @Override
    public List<Object[]> citiesPerCountry() {
        return em.createQuery("SELECT c.countryCode, c.countryName, COUNT(c) FROM City c WHERE c.retiredAt IS NULL "
                + "GROUP BY c.countryCode, c.countryName ORDER BY COUNT(c) DESC, c.countryName", Object[].class)
                .getResultList();
    }

    @Override
    public Map<Integer, Long> designationsPerYear() {
        Map<Integer, Long> counts = new TreeMap<>();
        em.createQuery("SELECT d.year, COUNT(d) FROM Designation d WHERE d.city.retiredAt IS NULL GROUP BY d.year",
                        Object[].class)
                .getResultList().forEach(r -> counts.put(((Number) r[0]).intValue(), ((Number) r[1]).longValue()));
        return counts;
    }

    @Override
    public long countActive() {
        return em.createQuery("SELECT COUNT(c) FROM City c WHERE c.retiredAt IS NULL", Long.class).getSingleResult();
    }

    @Override
    public java.util.Set<String> importedSeedRows() {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Object key : em.createNativeQuery("SELECT row_key FROM seed_import").getResultList()) {
            keys.add(key.toString());
        }
        return keys;
    }

    @Override
    public void recordSeedRows(Map<String, Long> rowToCityId, OffsetDateTime at) {
        Connection connection = em.unwrap(Connection.class);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO seed_import (row_key, city_id, imported_at) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Long> e : rowToCityId.entrySet()) {
                insert.setString(1, e.getKey());
                insert.setLong(2, e.getValue());
                insert.setObject(3, at);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the imported seed rows: " + e.getMessage(), e);
        }
    }
}
