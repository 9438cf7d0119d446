#!/usr/bin/env python3
"""Writes matrix.csv: an ILLUSTRATIVE 16-district x 25-indicator matrix for Shanghai's districts.

The values are invented (a fixed formula plus a fixed pseudo-random sequence); they are NOT
statistics of the districts. Run with /usr/bin/python3; the output is byte-for-byte the same
on every run.
"""
import csv
import sys

# district (zh and en), centrality 0..1 used by the formula
DISTRICTS = [
    ("黄浦区 Huangpu", 1.00), ("徐汇区 Xuhui", 0.90), ("长宁区 Changning", 0.85),
    ("静安区 Jing'an", 0.95), ("普陀区 Putuo", 0.65), ("虹口区 Hongkou", 0.70),
    ("杨浦区 Yangpu", 0.70), ("闵行区 Minhang", 0.55), ("宝山区 Baoshan", 0.45),
    ("嘉定区 Jiading", 0.45), ("浦东新区 Pudong", 0.80), ("金山区 Jinshan", 0.20),
    ("松江区 Songjiang", 0.40), ("青浦区 Qingpu", 0.30), ("奉贤区 Fengxian", 0.25),
    ("崇明区 Chongming", 0.05),
]

# id, name_zh, name_en, polarity, low, high, decimals, weight of centrality (-1..1)
INDICATORS = [
    ("gdp_per_capita", "人均地区生产总值(万元)", "GDP per capita (10k yuan)", "higher", 10, 60, 1, 0.8),
    ("gdp_growth", "地区生产总值增速(%)", "GDP growth (%)", "higher", 5, 10, 1, -0.2),
    ("budget_revenue_growth", "一般公共预算收入增速(%)", "Budget revenue growth (%)", "higher", 2, 12, 1, 0.1),
    ("fixed_investment_growth", "固定资产投资增速(%)", "Fixed-asset investment growth (%)", "higher", 0, 15, 1, -0.5),
    ("retail_sales_growth", "社会消费品零售总额增速(%)", "Retail sales growth (%)", "higher", 2, 12, 1, 0.2),
    ("tax_per_m2", "重点楼宇单位面积税收(元/平方米)", "Tax per m² of key office buildings (yuan)", "higher", 2000, 20000, 0, 0.9),
    ("high_tech_per_10k", "每万人高新技术企业数", "High-tech enterprises per 10 000 residents", "higher", 1, 8, 2, 0.4),
    ("patents_per_10k", "每万人发明专利拥有量", "Invention patents per 10 000 residents", "higher", 20, 150, 1, 0.6),
    ("rd_intensity", "研发经费投入强度(%)", "R&D intensity (%)", "higher", 1, 6, 2, 0.3),
    ("green_coverage", "绿化覆盖率(%)", "Green coverage (%)", "higher", 25, 50, 1, -0.7),
    ("pm25", "PM2.5年均浓度(微克/立方米)", "PM2.5 annual mean (µg/m³)", "lower", 25, 40, 1, -0.3),
    ("energy_intensity", "单位GDP能耗(吨标准煤/万元)", "Energy use per unit of GDP (tce per 10k yuan)", "lower", 0.1, 0.6, 3, 0.8),
    ("waste_recycling", "生活垃圾回收利用率(%)", "Household waste recycling rate (%)", "higher", 30, 45, 1, 0.2),
    ("water_quality", "优良水体比例(%)", "Share of good-quality water bodies (%)", "higher", 50, 95, 1, -0.3),
    ("life_expectancy", "户籍人口期望寿命(岁)", "Life expectancy (years)", "higher", 82, 85.5, 2, 0.6),
    ("elderly_beds", "每百名老人养老床位数", "Elderly-care beds per 100 older residents", "higher", 2, 5, 2, -0.4),
    ("unemployment", "城镇调查失业率(%)", "Surveyed urban unemployment rate (%)", "lower", 3.5, 6, 1, 0.2),
    ("doctors_per_1000", "每千人执业医师数", "Practising doctors per 1 000 residents", "higher", 2, 6, 2, 0.8),
    ("school_places", "每千人义务教育学位数", "Compulsory-education places per 1 000 residents", "higher", 80, 130, 0, -0.2),
    ("network_access", "“一网统管”接入率(%)", "Unified city-management network access (%)", "higher", 85, 100, 1, 0.4),
    ("food_safety", "食品安全监测合格率(%)", "Food-safety pass rate (%)", "higher", 97, 99.9, 2, 0.1),
    ("social_worker_cert", "社区工作者社工持证率(%)", "Certified community social workers (%)", "higher", 15, 35, 1, 0.5),
    ("work_safety_deaths", "亿元GDP生产安全事故死亡率(人/亿元)", "Work-safety deaths per 100 million yuan of GDP", "lower", 0.005, 0.05, 4, 0.6),
    ("commute_time", "平均单程通勤时间(分钟)", "Average one-way commute (minutes)", "lower", 30, 55, 1, 0.6),
    ("housing_renovation", "旧区改造完成率(%)", "Old-neighbourhood renewal completed (%)", "higher", 40, 100, 1, 0.3),
]

MISSING = {("崇明区 Chongming", "tax_per_m2"), ("金山区 Jinshan", "rd_intensity")}


def lcg():
    """A fixed 32-bit linear congruential sequence in [0, 1)."""
    state = 20210112
    while True:
        state = (1103515245 * state + 12345) % 2**31
        yield state / 2**31


def main(out):
    u = lcg()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["district"] + [i[0] for i in INDICATORS])
    w.writerow(["#name_zh"] + [i[1] for i in INDICATORS])
    w.writerow(["#name_en"] + [i[2] for i in INDICATORS])
    w.writerow(["#polarity"] + [i[3] for i in INDICATORS])
    for name, c in DISTRICTS:
        row = [name]
        for ind_id, _, _, pol, lo, hi, dec, wc in INDICATORS:
            noise = next(u)
            # position 0..1 toward the better end: centrality with weight |wc|, noise the rest
            base = c if wc >= 0 else 1.0 - c
            pos = abs(wc) * base + (1 - abs(wc)) * noise
            good = lo + (hi - lo) * pos if pol == "higher" else hi - (hi - lo) * pos
            row.append("" if (name, ind_id) in MISSING else f"{good:.{dec}f}")
        w.writerow(row)


if __name__ == "__main__":
    main(sys.stdout)
