package org.creativecities.core.city;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
    public List<City> find(Criteria criteria, int offset, int limit) {
        TypedQuery<City> query = em.createQuery("SELECT c FROM City c" + where(criteria) + " ORDER BY "
                + criteria.sort().jpql, City.class);
        bind(query, criteria);
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(Criteria criteria) {
        TypedQuery<Long> query = em.createQuery("SELECT COUNT(c) FROM City c" + where(criteria), Long.class);
        bind(query, criteria);
        return query.getSingleResult();
    }

    private static String where(Criteria c) {
        StringBuilder jpql = new StringBuilder(" WHERE 1 = 1");
        if (!c.includeRetired()) {
            jpql.append(" AND c.retiredAt IS NULL");
        }
        c.field().ifPresent(f -> jpql.append(" AND c.currentField.slug = :field"));
        c.country().ifPresent(f -> jpql.append(" AND c.countryCode = :country"));
        c.year().ifPresent(f -> jpql.append(" AND EXISTS (SELECT d FROM Designation d WHERE d.city = c AND d.year = :year)"));
        c.text().ifPresent(f -> jpql.append(" AND c.searchKey LIKE :text"));
        return jpql.toString();
    }

    private static void bind(TypedQuery<?> query, Criteria c) {
        c.field().ifPresent(f -> query.setParameter("field", f));
        c.country().ifPresent(f -> query.setParameter("country", f));
        c.year().ifPresent(f -> query.setParameter("year", f));
        c.text().ifPresent(f -> query.setParameter("text", "%" + City.fold(f).replace("%", "").replace("_", "") + "%"));
    }

    @Override
    public Optional<City> findBySlug(String slug) {
        return em.createQuery("SELECT c FROM City c WHERE c.slug = :slug", City.class)
                .setParameter("slug", slug).getResultStream().findFirst();
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
    public void recordSeedRow(String rowKey, Long cityId) {
        em.createNativeQuery("INSERT INTO seed_import (row_key, city_id, imported_at) VALUES (?, ?, ?)")
                .setParameter(1, rowKey).setParameter(2, cityId)
                .setParameter(3, OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
    }
}
