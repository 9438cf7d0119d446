#pragma once
// The importer of a published table (private to src/import): the table's layout is found in
// table_layout.cpp (header rows, columns, notes, periods), its rows read in table_rows.cpp and the
// plan finished in table.cpp.
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "import/recognise.hpp"
#include "planeval/import/table.hpp"

namespace planeval::import_detail {

struct column {
  column_meaning meaning;
  std::string label;  // the combined header text as published
};

struct facts {
  bool star_binding = false;   // 带*为约束性指标
  bool star_estimate = false;  // *为预计数
  std::string star_text;       // the note that explains `*`
  bool brackets_cumulative = false;
};

class importer {
 public:
  importer(const grid& g, const import_options& o) : source_(g), g_(g), opt_(o) {
    for (std::size_t r = 0; r < g.rows.size(); ++r) origin_.push_back(r);
  }

  import_result run() {
    out_.table_index = g_.index;
    find_header();
    classify_columns();
    split_multiline_rows();
    read_facts();
    resolve_periods();
    read_rows();
    finish_plan();
    apply_overrides();
    return std::move(out_);
  }

 private:
  const grid& source_;               // the grid as read: cell references point into it
  grid g_;                           // the grid with multi-line rows split into one row per line
  std::vector<std::size_t> origin_;  // the source row of each row of g_
  const import_options& opt_;
  import_result out_;
  std::size_t first_header_ = 0;
  std::size_t last_header_ = 0;
  std::vector<column> cols_;
  std::vector<std::string> titles_;
  facts facts_;
  bool plan_table_ = false;
  std::optional<period> plan_span_;
  std::vector<location> target_cells_;  // the cell of each target of the row being read
  int target_year_ = 0;

  // ---- helpers ----------------------------------------------------------------------------

  // Cells with text in a row; a copy of its left neighbour spread by a merged cell (a title or
  // note merged across the table, a colspan) is the same cell and counts once.
  std::size_t nonempty(std::size_t r) const;
  void infer(const std::string& id, const std::string& field, const std::string& value,
             std::string zh, std::string en, location where = {});
  int find_column(column_role role) const;
  location at(std::size_t r, std::size_t c) const;
  static std::vector<std::string> lines_of(const std::string& text);

  // A printed row that lists the parts of an indicator on separate lines of one cell, the
  // values lined up beside them (`主要污染物排放总量减少` / `化学需氧量` / `氨氮` …), becomes one
  // row per line. A cell with as many lines as the names is split; a one-line cell goes to every
  // line when it is an attribute or a name, else to the first; any other cell stays whole on
  // the first line (and is kept for review if it does not parse).
  void split_multiline_rows();

  // ---- header -----------------------------------------------------------------------------

  bool names_header(std::size_t r) const;
  int value_headers(std::size_t r) const;
  void find_header();
  void classify_columns();
  void read_facts();
  bool is_note_row(std::size_t r) const;
  void note_fact(const std::string& t, location where);
  void resolve_periods();

  // ---- rows -------------------------------------------------------------------------------

  struct row_context {
    std::string category;
    std::string group;       // the name of a grouped indicator (its sub-rows name its parts)
    std::string group_unit;  // the unit written with the group's name
    std::string attribute;   // a merged 属性 cell of the group
    std::string group_number;
    char sub = 'a';
  };

  bool repeated_header(std::size_t r) const;
  void read_rows();

  // The quantities a name lists (城镇、农村居民人均可支配收入: 城镇居民人均可支配收入 and
  // 农村居民人均可支配收入): an earlier, shorter item takes the last item's words after as many
  // characters as it has. Empty unless the name lists two or more.
  static std::vector<std::string> listed_names(const std::string& name);

  // A row whose target is a 分别 list for as many quantities as its name lists becomes one
  // indicator per quantity, each with its part as its target; the split is recorded. A row with
  // results of its own, or whose name lists another count, stays whole (needs review).
  std::vector<indicator> split_listed(indicator ind, const location& where,
                                      std::set<std::string>& ids);
  std::string join_row(std::size_t r) const;

  // `304,5万吨`: a comma the parser reads as the start of a remark, followed by digits
  static bool split_number(const std::string& remark);
  static std::string split_number_message(const std::string& text);
  void keep(std::string id, std::string field, period per, std::string text, errc code,
            std::string message, location where);

  void review(review_item item);
  void read_value(indicator& ind, std::size_t c, std::string text, const location& where);

  // A target or value whose unit cannot be expressed in the indicator's: kept for review.
  void check_units(indicator& ind);
  void infer_rest(indicator& ind, const location& where, const std::string& unit_source);

  // ---- plan -------------------------------------------------------------------------------

  void finish_plan();
  void apply_overrides();
  void rename(const std::string& from, const std::string& to);
  static void set_field(indicator& ind, const std::string& field, const std::string& value);
};

}  // namespace planeval::import_detail
