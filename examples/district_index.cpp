// A composite index of Shanghai's 16 districts over 25 indicators, with ranks and a sensitivity
// analysis. The data are ILLUSTRATIVE (examples/data/shanghai-districts-illustrative/): invented
// values, not statistics of the districts.
// Usage: district_index [DATA_DIR] [zh|en]
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "planeval/analytics/composite.hpp"
#include "planeval/core/error.hpp"
#include "planeval/io/index_table.hpp"
#include "planeval/render/analytics.hpp"

int main(int argc, char** argv) {
  const std::string dir =
      argc > 1 ? argv[1] : PLANEVAL_EXAMPLE_DATA "/shanghai-districts-illustrative";
  const auto lang =
      (argc > 2 && std::string(argv[2]) == "en") ? planeval::language::en : planeval::language::zh;
  try {
    // 1. The matrix: 16 districts × 25 indicators, polarity and names in the # rows.
    const planeval::index_matrix m = planeval::load_index_matrix(dir + "/matrix.csv");
    std::cout << m.rows() << " districts × " << m.cols() << " indicators (ILLUSTRATIVE data)\n\n";

    // 2. The index: min–max normalisation, equal weights, arithmetic mean; missing values
    //    (two in this matrix) are skipped and the district's weights rescaled.
    const planeval::index_options options;
    const planeval::index_result index = planeval::compute_index(m, options);

    // 3. Uncertainty: 1000 replications with every weight multiplied by U[0.5, 1.5), seeded.
    //    Two threads give exactly the same ranks as one.
    planeval::sensitivity_options s;
    s.replications = 1000;
    s.seed = 2021;
    s.threads = 2;
    const planeval::sensitivity_result sens = planeval::analyse_sensitivity(m, options, s);
    planeval::write_index_table(std::cout, m, index, &sens, lang);

    // 4. The same districts under other choices of the Handbook: z-scores, PCA weights, and a
    //    geometric mean (less compensation between indicators; values floored at 0.01).
    planeval::index_options z = options;
    z.normalisation = planeval::normalisation::z_score;
    planeval::index_options pca = options;
    pca.weights = planeval::weighting::pca;
    planeval::index_options geo = options;
    geo.aggregation = planeval::aggregation::geometric;
    geo.geometric_floor = 0.01;
    const auto rz = planeval::compute_index(m, z);
    const auto rp = planeval::compute_index(m, pca);
    const auto rg = planeval::compute_index(m, geo);
    std::cout << '\n'
              << (lang == planeval::language::zh ? "不同方法下的排名" : "Ranks under other choices")
              << " (PCA: " << rp.pca->components << " components, eigenvalues";
    for (std::size_t k = 0; k < rp.pca->components; ++k) {
      char buf[32];
      std::snprintf(buf, sizeof buf, " %.2f", rp.pca->eigenvalues[k]);
      std::cout << buf;
    }
    std::cout << ")\n min-max  z-score  pca  geometric  district\n";
    for (std::size_t i = 0; i < m.rows(); ++i) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%8zu %8zu %4zu %10zu  ", index.ranks[i], rz.ranks[i],
                    rp.ranks[i], rg.ranks[i]);
      std::cout << buf << m.units[i] << '\n';
    }
  } catch (const planeval::error& e) {
    std::cerr << e.what() << '\n';
    return 2;
  }
  return 0;
}
