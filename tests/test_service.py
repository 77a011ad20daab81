"""Tests for crmlib.service: the teaching tables of chapter 7 (source 003, chapter 5) and the
service level management flow figure."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from crmlib import service

CJK = re.compile(r"[\u4e00-\u9fff]")
TABLES = [service.definitions, service.characteristics, service.service_offer_types,
          service.evolution, service.management_goals, service.service_level_steps,
          service.quality_components, service.expected_quality_drivers,
          service.commitment_bases, service.commitment_types]


@pytest.mark.parametrize("table", TABLES, ids=lambda f: f.__name__)
def test_tables_are_complete(table):
    frame = table()
    assert isinstance(frame, pd.DataFrame) and not frame.empty
    assert frame.index.is_unique
    assert frame.notna().all().all()
    text = frame.select_dtypes(exclude="bool")
    assert (text.astype(str).apply(lambda c: c.str.strip().str.len()) > 0).all().all()
    if "chinese" in frame:
        assert frame["chinese"].map(lambda s: bool(CJK.search(s))).all()
    assert table() is not frame and table().equals(frame)   # a fresh copy each call


def test_five_characteristics_with_the_source_names():
    table = service.characteristics()
    # source 003: 不可感知性, 不可分离性, 差异性, 不可贮存性, 缺乏所有权
    assert table["chinese"].tolist() == ["不可感知性", "不可分离性", "差异性", "不可贮存性",
                                         "缺乏所有权"]
    assert "staff, customers and their interaction" in table.loc["heterogeneity", "meaning"]


def test_evolution_in_the_source_order():
    assert service.evolution()["chinese"].tolist() == [
        "基础客户服务", "支持性客户服务", "休闲娱乐客户服务", "省时性客户服务", "客户感受服务",
        "客户信息服务"]
    assert list(service.evolution().index) == [1, 2, 3, 4, 5, 6]


def test_service_level_management_four_steps():
    steps = service.service_level_steps()
    assert list(steps.index) == [1, 2, 3, 4]
    assert steps["chinese"].tolist() == ["识别服务需求", "定义服务需求、制定服务质量计划",
                                         "签署服务等级协议", "评估与改善"]


def test_quality_and_drivers():
    quality = service.quality_components()
    assert quality.loc["technical quality", "question"] == "what does the customer get?"
    assert quality["chinese"].tolist() == ["技术性质量", "功能性质量"]
    assert service.expected_quality_drivers()["chinese"].tolist() == ["客户口碑", "企业形象",
                                                                      "沟通", "客户需求"]


def test_commitments():
    types = service.commitment_types()
    assert types.loc[types["in_source"], "chinese"].tolist() == [
        "单一服务属性承诺", "多重服务属性承诺", "无条件满意承诺"]
    assert not types.loc["combined guarantee", "in_source"]   # from the literature, marked so
    assert service.commitment_bases()["chinese"].tolist() == ["情感承诺", "连续承诺"]


def test_management_goals_and_offer_types():
    assert len(service.management_goals()) == 6
    assert service.service_offer_types()["chinese"].tolist() == ["产品服务", "功能服务"]
    assert service.definitions().loc["act or benefit", "after"] == "Kotler"


def test_plot_service_level_flow():
    from crmlib import plotting

    ax = service.plot_service_level_flow()
    labels = [t.get_text() for t in ax.texts if t.get_text()]
    assert labels[:4] == ["1. Identify\nservice needs", "2. Define needs,\nplan quality",
                          "3. Sign a service\nlevel agreement", "4. Evaluate\nand improve"]
    assert "cycle starts again" in labels[4]
    assert len(ax.patches) >= 4
    arrows = [t for t in ax.texts if not t.get_text()]
    assert len(arrows) == 4                   # three steps forward, one loop back
    assert ax.get_title() == "Service level management in four steps"
    plotting.close(ax.figure)
    fig, given = plotting.new_figure()
    assert service.plot_service_level_flow(ax=given) is given
    plotting.close(fig)


def test_service_philosophy_tables():
    assert service.service_beliefs()["chinese"].iloc[0] == "从百分百满意开始"
    assert list(service.service_beliefs().index) == [1, 2, 3, 4, 5, 6]
    assert service.competition_levels()["chinese"].tolist() == [
        "传统客户服务领域竞争", "差异化的服务领域竞争", "客户服务质量的竞争"]
    assert service.common_problems()["gap"].isin([1, 2, 3, 4]).all()
    for table in (service.service_sides, service.service_beliefs, service.competition_levels,
                  service.service_styles, service.common_problems):
        frame = table()
        assert frame.notna().all().all() and frame.index.is_unique
        if "chinese" in frame:
            assert frame["chinese"].map(lambda s: bool(CJK.search(s))).all()


def test_service_styles_two_by_two():
    styles = service.service_styles()
    # every combination of the two axes once; the factory is efficient but cold
    assert set(zip(styles["procedure"], styles["personal"])) == {
        ("weak", "weak"), ("strong", "weak"), ("weak", "strong"), ("strong", "strong")}
    assert styles.loc["factory", ["procedure", "personal"]].tolist() == ["strong", "weak"]
    assert "number" in styles.loc["factory", "message"]
    assert styles["chinese"].tolist() == ["冷冻型", "工厂型", "友好型", "优质型"]


def test_selling_models_add_up_to_100():
    table = service.selling_models()
    assert table.sum().tolist() == [100, 100]
    assert table.loc["close the order"].tolist() == [40, 10]
    assert table.loc["find the customer's needs", "old"] == 20


def test_philosophy_figures():
    from crmlib import plotting

    ax = service.plot_service_styles(points={"desk": (0.6, 0.4)})
    assert sorted(t.get_text() for t in ax.texts if t.get_text().istitle()) == [
        "Factory", "Freezer", "Friendly", "Quality"]
    assert "desk" in [t.get_text() for t in ax.texts]
    assert not any(CJK.search(t.get_text()) for t in ax.texts)   # no CJK font needed
    plotting.close(ax.figure)
    ax = service.plot_selling_models()
    assert [round(b.get_width()) for b in ax.patches] == [10, 40, 20, 30, 30, 20, 40, 10]
    plotting.close(ax.figure)
