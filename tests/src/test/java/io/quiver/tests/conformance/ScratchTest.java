package io.quiver.tests.conformance;

import java.sql.*;
import java.util.*;
import org.junit.jupiter.api.Test;

class ScratchTest {
  static void show(Statement s, String sql) {
    System.out.println(">>> " + sql);
    try (ResultSet r = s.executeQuery(sql)) {
      ResultSetMetaData m = r.getMetaData();
      for (int i = 1; i <= m.getColumnCount(); i++)
        System.out.println(
            "  col "
                + m.getColumnLabel(i)
                + " "
                + m.getColumnTypeName(i)
                + " "
                + m.getColumnClassName(i));
      while (r.next()) {
        for (int i = 1; i <= m.getColumnCount(); i++)
          System.out.println("  " + describe(r.getObject(i)));
      }
    } catch (Exception e) {
      System.out.println("  ERR " + e);
      for (Throwable c = e.getCause(); c != null; c = c.getCause())
        System.out.println("    cause " + c);
    }
  }

  static String describe(Object o) throws SQLException {
    if (o == null) return "null";
    if (o instanceof Struct st) {
      StringBuilder b = new StringBuilder("Struct[" + st.getSQLTypeName() + "](");
      for (Object a : st.getAttributes()) b.append(describe(a)).append("; ");
      return b + ")";
    }
    if (o instanceof java.sql.Array a) {
      return "Array(" + a.getBaseTypeName() + ")" + describe(a.getArray());
    }
    if (o instanceof Object[] arr) {
      StringBuilder b = new StringBuilder("[]{");
      for (Object x : arr) b.append(describe(x)).append(",");
      return b + "}";
    }
    if (o instanceof List<?> l) {
      StringBuilder b = new StringBuilder(o.getClass().getSimpleName() + "{");
      for (Object x : l) b.append(describe(x)).append(",");
      return b + "}";
    }
    if (o instanceof Map<?, ?> mp) {
      StringBuilder b = new StringBuilder(o.getClass().getSimpleName() + "{");
      for (var e : mp.entrySet())
        b.append(describe(e.getKey())).append("=").append(describe(e.getValue())).append(",");
      return b + "}";
    }
    return o.getClass().getSimpleName() + ":" + o;
  }

  @Test
  void explore() throws Exception {
    String M = "/work/shared/models/";
    try (Connection c = DriverManager.getConnection("jdbc:quiver:mem:");
        Statement s = c.createStatement()) {
      s.execute("CREATE MODEL iris FROM '" + M + "skl_randomforest_iris/model.onnx'");
      s.execute("CREATE MODEL multi FROM '" + M + "multitype_two_in_two_out_torch/model.onnx'");
      s.execute("CREATE MODEL ident FROM '" + M + "identity_string_tf2onnx/model.onnx'");
      s.execute("CREATE MODEL zs FROM '" + M + "zipmap_string_labels/model.onnx'");
      s.execute("CREATE MODEL xgb FROM '" + M + "xgb_classifier_wine/model.onnx'");
      s.execute(
          "CREATE TABLE t (row_id INTEGER, a REAL, b REAL, c REAL, d REAL, u SMALLINT, d1 DOUBLE, d2 DOUBLE, d3 DOUBLE, d4 DOUBLE, s1 VARCHAR, s2 VARCHAR, n BIGINT)");
      try (PreparedStatement p =
          c.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        p.setInt(1, 1);
        p.setFloat(2, 5.9f);
        p.setFloat(3, 3f);
        p.setFloat(4, 5.1f);
        p.setFloat(5, 1.8f);
        p.setShort(6, (short) 200);
        p.setDouble(7, 0.25);
        p.setDouble(8, 0.5);
        p.setDouble(9, 1.5);
        p.setDouble(10, 3);
        p.setString(11, "one");
        p.setString(12, "two");
        p.setLong(13, 5);
        p.addBatch();
        p.setInt(1, 2);
        p.setNull(2, Types.REAL);
        p.setFloat(3, 3f);
        p.setFloat(4, 5.1f);
        p.setFloat(5, 1.8f);
        p.setNull(6, Types.SMALLINT);
        p.setDouble(7, 0.25);
        p.setDouble(8, 0.5);
        p.setDouble(9, 1.5);
        p.setDouble(10, 3);
        p.setNull(11, Types.VARCHAR);
        p.setString(12, "two");
        p.setNull(13, Types.BIGINT);
        p.addBatch();
        System.out.println("batch " + Arrays.toString(p.executeBatch()));
      } catch (Exception e) {
        System.out.println("INSERT ERR " + e);
      }
      show(s, "SELECT * FROM t");
      show(s, "SELECT row_id, iris!predict(a, b, c, d) FROM t ORDER BY row_id");
      show(
          s,
          "SELECT row_id, iris!predict(ARRAY[a, b, c, d]), (iris!predict(a,b,c,d)).\"output_label\", iris!predict(a,b,c,d):\"output_probability\" FROM t ORDER BY row_id");
      show(s, "SELECT row_id, multi!predict(u, ARRAY[d1, d2, d3, d4]) FROM t ORDER BY row_id");
      show(
          s,
          "SELECT row_id, ident!predict(s1, s2), ident!predict(s1, s2):\"output:0\" FROM t ORDER BY row_id");
      show(s, "SELECT row_id, zs!predict(a, b, c) FROM t ORDER BY row_id");
      show(
          s,
          "SELECT row_id, xgb!predict(a, b, c, d, a, b, c, d, a, b, c, d, a) FROM t ORDER BY row_id");
      show(
          s,
          "SELECT row_id, xgb!predict(ARRAY[a, b, c, d, a, b, c, d, a, b, c, d, a]) FROM t ORDER BY row_id");
    }
  }
}
