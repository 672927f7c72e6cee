package org.openenvelope.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Optional;

/**
 * What the database really holds, read past the services: for tests that must prove what is (not) stored, such
 * as secrets kept only as hashes.
 */
@ApplicationScoped
public class StoredRows {

    @PersistenceContext(unitName = "openenvelope")
    EntityManager em;

    /** The entity as stored now (no transaction, so a fresh read). */
    public <T> Optional<T> find(Class<T> type, Object id) {
        return Optional.ofNullable(em.find(type, id));
    }

    /** The first result of a named query with one parameter. */
    public <T> Optional<T> findBy(String namedQuery, Class<T> type, String parameter, Object value) {
        return em.createNamedQuery(namedQuery, type).setParameter(parameter, value).getResultStream().findFirst();
    }

    /** Every row of a native SQL query with positional parameters ({@code ?1}, {@code ?2}, ...). */
    public List<Object[]> rows(String sql, Object... parameters) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return ((List<?>) query.getResultList()).stream()
                .map(row -> row instanceof Object[] columns ? columns : new Object[]{row})
                .toList();
    }
}
