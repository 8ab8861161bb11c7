package io.quiver.catalog.model;

import io.quiver.catalog.ObjectName;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Records which role owns a model the registry creates, in the transaction that creates it, so that
 * a model never exists without its owner.
 */
@FunctionalInterface
public interface ModelOwner {
  /** Records no owner: the store's repair at the next start gives the model to ACCOUNTADMIN. */
  ModelOwner NONE = (connection, model, modelId, schemaId) -> {};

  /** Records the owner of a model just inserted, and the privileges its schema gives new models. */
  void own(Connection connection, ObjectName model, long modelId, long schemaId)
      throws SQLException;
}
