-- Quiver's quick start: run from the repository root with
--   ./quiver run examples/quickstart.sql --data /tmp/quiver-quickstart

-- A table of iris measurements, loaded from CSV.
CREATE OR REPLACE TABLE flowers (
  id INTEGER PRIMARY KEY, sepal_length REAL, sepal_width REAL,
  petal_length REAL, petal_width REAL, species VARCHAR);
COPY INTO flowers FROM 'examples/flowers.csv' HEADER = TRUE;

-- Log the model twice: V1, then V2 (the same file here; a retrained one in real life).
CREATE OR REPLACE MODEL iris WITH VERSION v1 FROM 'examples/iris.onnx'
  COMMENT = 'Logistic regression on the iris data set';
ALTER MODEL iris ADD VERSION v2 FROM 'examples/iris.onnx';

-- Metrics live in each version's metadata.
ALTER MODEL iris MODIFY VERSION v1 SET METADATA = '{"metrics": {"accuracy": 0.973}}';
ALTER MODEL iris MODIFY VERSION v2 SET METADATA = '{"metrics": {"accuracy": 0.973, "f1": 0.97}}';

-- Move the alias PRODUCTION to V2, and make V2 the default.
ALTER MODEL iris VERSION v1 SET ALIAS = production;
ALTER MODEL iris VERSION v1 UNSET ALIAS;
ALTER MODEL iris VERSION v2 SET ALIAS = production;
ALTER MODEL iris SET DEFAULT_VERSION = v2;

SHOW MODELS;
SHOW VERSIONS IN MODEL iris;
SHOW FUNCTIONS IN MODEL iris;

-- Call the model: the default version, a version by alias, and one output by its path.
SELECT id, species, iris!predict(sepal_length, sepal_width, petal_length, petal_width):label AS label
FROM flowers WHERE id IN (1, 51, 101) ORDER BY id;

SELECT species, MODEL(iris, production)!predict(
         sepal_length, sepal_width, petal_length, petal_width):label AS label, COUNT(*) AS flowers
FROM flowers GROUP BY 1, 2 ORDER BY 1, 2;
