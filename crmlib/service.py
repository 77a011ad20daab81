"""Customer service (客户服务): what a service is, how customer service has changed, the content of
customer service management, service level management, technical and functional quality, and
service commitments (服务承诺).

Teaching tables of the customer-service chapter common in Chinese CRM textbooks (客户服务管理的基础知识),
in the course's own words, with a hotel as the running example, plus the flow of service level management as a
figure. The SERVQUAL computations are in :mod:`crmlib.servqual`, complaints in
:mod:`crmlib.complaints`.

>>> characteristics().index.tolist()
['intangibility', 'inseparability', 'heterogeneity', 'perishability', 'no ownership']
>>> service_level_steps()["step"].tolist()
['identify service needs', 'define needs and plan quality', 'sign a service level agreement', 'evaluate and improve']

References
----------
Kotler, P. & Keller, K. L. *Marketing Management* (the definition of a service).
Grönroos, C. (1984). A service quality model and its marketing implications. *European Journal of
Marketing*, 18(4), 36-44 (technical and functional quality).
Hart, C. W. L. (1988). The power of unconditional service guarantees. *Harvard Business Review*,
66(4), 54-62.
Wirtz, J. & Lovelock, C. *Services Marketing: People, Technology, Strategy* (types of service
guarantee).
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from . import _validate as v

__all__ = ["definitions", "characteristics", "service_offer_types", "evolution",
           "management_goals", "service_level_steps", "plot_service_level_flow",
           "quality_components", "expected_quality_drivers", "commitment_types",
           "commitment_bases", "service_sides", "service_beliefs", "competition_levels",
           "service_styles", "plot_service_styles", "selling_models", "plot_selling_models",
           "common_problems"]


def definitions() -> pd.DataFrame:
    """Two definitions of a service common in textbooks: as an *act or benefit* and as a
    *process with a result*.

    >>> definitions().index.tolist()
    ['act or benefit', 'process and result']
    """
    rows = [
        ("act or benefit", "Kotler",
         "an act or benefit one party offers another that is essentially intangible and does not "
         "transfer ownership of anything"),
        ("process and result", "Grönroos",
         "one or a series of intangible interactions between the customer and staff, physical "
         "goods and service systems, which solves the customer's problem: an activity, a "
         "process and a result at once"),
    ]
    return pd.DataFrame(rows, columns=["view", "after", "definition"]).set_index("view")


def characteristics() -> pd.DataFrame:
    """The five characteristics of services (服务的特征), what each means, what it implies for
    managers, and a hotel example.

    Chinese CRM textbooks name 不可感知性 (we say intangibility), 不可分离性 (inseparability), 差异性
    (heterogeneity: caused by staff, by customers and by their interaction), 不可贮存性
    (perishability) and 缺乏所有权 (no ownership).

    >>> characteristics().loc["perishability", "chinese"]
    '不可贮存性'
    """
    rows = [
        ("intangibility", "不可感知性",
         "cannot be seen, touched or tried before it is bought",
         "make it tangible: rooms, uniforms, photos, guarantees; reputation matters",
         "a guest cannot test a night's sleep before booking"),
        ("inseparability", "不可分离性",
         "produced and consumed at the same time, with the customer present",
         "staff are part of the product; train and select them; manage other customers too",
         "check-in happens with the guest at the desk"),
        ("heterogeneity", "差异性",
         "varies from one time to the next: staff, customers and their interaction differ",
         "standards, training and measurement (SERVQUAL) to keep quality even",
         "the same request gets a different answer on the night shift"),
        ("perishability", "不可贮存性",
         "cannot be stored: unused capacity is lost",
         "match supply and demand: prices, reservations, flexible staff",
         "an empty room tonight cannot be sold tomorrow"),
        ("no ownership", "缺乏所有权",
         "the customer buys use or access, not ownership",
         "build relationships and memberships so customers feel it is 'theirs'",
         "a guest rents the room for a night"),
    ]
    return pd.DataFrame(rows, columns=["characteristic", "chinese", "meaning", "implication",
                                       "hotel_example"]).set_index("characteristic")


def service_offer_types() -> pd.DataFrame:
    """Product services (产品服务) and functional services (功能服务): where the core benefit comes
    from (a distinction common in Chinese CRM textbooks).

    >>> service_offer_types().loc["functional service", "core_benefit"]
    'the intangible service itself'
    """
    rows = [
        ("product service", "产品服务", "a tangible component",
         "delivery, installation and repair of a washing machine"),
        ("functional service", "功能服务", "the intangible service itself",
         "a hotel stay, a bank consultation, a haircut"),
    ]
    return pd.DataFrame(rows, columns=["type", "chinese", "core_benefit", "example"]
                        ).set_index("type")


def evolution() -> pd.DataFrame:
    """How customer service has changed (客户服务的变化): six kinds of service a firm adds as
    customers come to expect more, in the order Chinese CRM textbooks give, with a hotel example.

    >>> evolution()["chinese"].tolist()[:2]
    ['基础客户服务', '支持性客户服务']
    """
    rows = [
        ("basic service", "基础客户服务", "the core promise, delivered correctly",
         "a clean room, a correct bill"),
        ("supportive service", "支持性客户服务", "help that makes the core easier to use",
         "luggage storage, airport transfer, a concierge"),
        ("leisure and entertainment", "休闲娱乐客户服务", "enjoyment beyond the need",
         "a pool, a spa, evening events"),
        ("time-saving service", "省时性客户服务", "saves the customer time and effort",
         "online check-in, express check-out, digital keys"),
        ("experience (customer feeling)", "客户感受服务",
         "designs how the service feels, not only what it does",
         "a welcome by name, a note with the weather forecast (the F hotel)"),
        ("information service", "客户信息服务",
         "uses what the firm knows about the customer to serve them better",
         "a guest profile that remembers the preferred room and pillow"),
    ]
    table = pd.DataFrame(rows, columns=["kind", "chinese", "what_it_adds", "hotel_example"])
    table.index = pd.RangeIndex(1, len(rows) + 1, name="stage")
    return table


def management_goals() -> pd.DataFrame:
    """The goals of customer service management (客户服务管理的目标) as Chinese CRM textbooks list them.

    >>> len(management_goals())
    6
    """
    rows = [
        ("keep and strengthen relationships", "维护并巩固企业与客户之间的关系"),
        ("collect and analyse customer information", "搜集、分析客户信息，增强管理信息能力"),
        ("clear up misunderstandings through complaint handling", "运用投诉处理技巧，消除误会"),
        ("manage service quality to raise loyalty", "做好服务质量管理，提升客户忠诚度"),
        ("serve customers through a call centre", "通过呼叫中心系统提供高质量服务"),
        ("support sales and after-sales service", "配合销售和售后服务管理"),
    ]
    table = pd.DataFrame(rows, columns=["goal", "chinese"])
    table.index = pd.RangeIndex(1, len(rows) + 1, name="no")
    return table


def service_level_steps() -> pd.DataFrame:
    """Service level management (服务等级管理) in four steps (as Chinese CRM textbooks give them), with what each step
    produces and the hotel's version.

    >>> service_level_steps().loc[3, "output"]
    'a signed service level agreement (SLA)'
    """
    rows = [
        ("identify service needs", "识别服务需求",
         "a list of what customers need and how much it matters",
         "interviews with corporate clients; the SERVQUAL survey"),
        ("define needs and plan quality", "定义服务需求、制定服务质量计划",
         "service specifications with measurable targets",
         "check-in within 5 minutes; error-free bills; requests answered in 15 minutes"),
        ("sign a service level agreement", "签署服务等级协议",
         "a signed service level agreement (SLA)",
         "an SLA with a corporate client: rates, room types, response times, penalties"),
        ("evaluate and improve", "评估与改善",
         "measured performance against the targets, and the next plan",
         "monthly reports on check-in times and billing errors; back to step 1"),
    ]
    table = pd.DataFrame(rows, columns=["step", "chinese", "output", "hotel_example"])
    table.index = pd.RangeIndex(1, len(rows) + 1, name="order")
    return table


def plot_service_level_flow(ax: Any = None) -> Any:
    """The four steps of service level management as a flow: four boxes left to right, arrows
    between them, and a loop from *evaluate and improve* back to *identify service needs*.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from crmlib import plotting
    >>> ax = plot_service_level_flow()
    >>> [t.get_text().split("\\n")[0] for t in ax.texts if t.get_text()][:4]
    ['1. Identify', '2. Define needs,', '3. Sign a service', '4. Evaluate']
    >>> plotting.close(ax.figure)
    """
    from matplotlib.patches import FancyBboxPatch

    from . import plotting

    if ax is None:
        _, ax = plotting.new_figure(figsize=(11, 3.6))
    labels = ["1. Identify\nservice needs", "2. Define needs,\nplan quality",
              "3. Sign a service\nlevel agreement", "4. Evaluate\nand improve"]
    colors = ["#e8e6f4", "#e8e6f4", "#fde9dc", "#dff2ea"]
    width, height, gap = 2.2, 1.2, 0.7
    ax.set_xlim(-0.2, 4 * width + 3 * gap + 0.2)
    ax.set_ylim(-1.3, 1.9)
    ax.axis("off")
    centres = []
    for i, (label, color) in enumerate(zip(labels, colors)):
        x = i * (width + gap)
        ax.add_patch(FancyBboxPatch((x, 0), width, height,
                                    boxstyle="round,pad=0.02,rounding_size=0.15", fc=color,
                                    ec=plotting.COLORS["total"], lw=1.3))
        ax.text(x + width / 2, height / 2, label, ha="center", va="center", fontsize=12)
        centres.append(x + width / 2)
        if i:
            ax.annotate("", xy=(x, height / 2), xytext=(x - gap, height / 2),
                        arrowprops={"arrowstyle": "-|>", "color": plotting.COLORS["total"],
                                    "lw": 1.6})
    ax.annotate("", xy=(centres[0], 0), xytext=(centres[-1], 0),
                arrowprops={"arrowstyle": "-|>", "color": plotting.COLORS["good"], "lw": 1.6,
                            "connectionstyle": "arc3,rad=-0.25", "ls": "--"})
    ax.text((centres[0] + centres[-1]) / 2, -1.15, "continuous improvement: the cycle starts "
            "again", ha="center", fontsize=11, color=plotting.COLORS["good"])
    ax.set_title("Service level management in four steps")
    return ax


def quality_components() -> pd.DataFrame:
    """Technical quality (技术性质量, *what* the customer gets) and functional quality
    (功能性质量, *how* it is delivered), after Grönroos (1984).

    >>> quality_components().loc["functional quality", "question"]
    'how is it delivered?'
    """
    rows = [
        ("technical quality", "技术性质量", "what does the customer get?",
         "the outcome, fairly easy to measure objectively",
         "a quiet, clean room with a comfortable bed; a correct bill"),
        ("functional quality", "功能性质量", "how is it delivered?",
         "the process: staff attitude, speed, care; judged subjectively",
         "a friendly check-in by name; a problem solved without fuss"),
    ]
    return pd.DataFrame(rows, columns=["component", "chinese", "question", "nature",
                                       "hotel_example"]).set_index("component")


def expected_quality_drivers() -> pd.DataFrame:
    """What shapes the quality a customer expects (客户预期质量影响因素, as Chinese CRM textbooks list them).

    >>> expected_quality_drivers().index.tolist()
    ['word of mouth', 'corporate image', 'communication', 'customer needs']
    """
    rows = [
        ("word of mouth", "客户口碑", "what friends and online reviews say"),
        ("corporate image", "企业形象", "the brand, its star rating, its reputation"),
        ("communication", "沟通", "what the firm itself promises in advertising and sales"),
        ("customer needs", "客户需求", "what this customer needs on this trip"),
    ]
    return pd.DataFrame(rows, columns=["driver", "chinese", "hotel_example"]).set_index("driver")


def commitment_bases() -> pd.DataFrame:
    """What holds a service commitment (服务承诺) together: Chinese CRM textbooks call it a psychological
    contract both sides want to keep, made of affective and continuance commitment.

    >>> commitment_bases().index.tolist()
    ['affective commitment', 'continuance commitment']
    """
    rows = [
        ("affective commitment", "情感承诺",
         "the customer stays because they like and trust the firm",
         "the guest feels at home and known at the hotel"),
        ("continuance commitment", "连续承诺",
         "the customer stays because leaving would cost them",
         "points, status and a corporate rate would be lost by switching"),
    ]
    return pd.DataFrame(rows, columns=["basis", "chinese", "meaning", "hotel_example"]
                        ).set_index("basis")


def commitment_types() -> pd.DataFrame:
    """Types of service commitment (服务承诺类型) or guarantee.

    Chinese CRM textbooks list service-attribute commitments (single and multiple attribute) and
    the unconditional satisfaction commitment (``in_source`` is True for these: the list the course
    follows); the *combined* guarantee is added from the services-marketing literature (Wirtz &
    Lovelock) and marked so.

    >>> commitment_types()["in_source"].tolist()
    [True, True, True, False]
    """
    rows = [
        ("single-attribute commitment", "单一服务属性承诺", True,
         "promises one specific, measurable attribute",
         "check-in within 5 minutes or breakfast is free"),
        ("multi-attribute commitment", "多重服务属性承诺", True,
         "promises several specific attributes together",
         "room ready at 14:00, correct bill, requests answered within 15 minutes"),
        ("unconditional satisfaction commitment", "无条件满意承诺", True,
         "promises satisfaction as such: if the customer is not satisfied, they do not pay",
         "not satisfied with your stay? The night is on us"),
        ("combined guarantee", "组合承诺（文献补充）", False,
         "full satisfaction, plus specific minimum standards that make it concrete",
         "satisfaction guaranteed, and in particular check-in within 5 minutes"),
    ]
    return pd.DataFrame(rows, columns=["type", "chinese", "in_source", "what_is_promised",
                                       "hotel_example"]).set_index("type")


# ---------------------------------------------------------------------------------------------
# the customer-service philosophy (客户服务理念): beliefs, competition, styles, problems
# ---------------------------------------------------------------------------------------------

def service_sides() -> pd.DataFrame:
    """Service as "meeting or exceeding the customer's expectations" (达到或超越客户的期待), a
    definition common in Chinese customer-service training, has two sides: the customer's
    *subjective* judgement against what they expected, and the *objective* benefit, the need
    actually met.

    >>> service_sides().index.tolist()
    ['subjective side', 'objective side']
    """
    rows = [
        ("subjective side", "主观因素：客户的期待与感受",
         "how the customer sees it: satisfied or not, judged against what they expected",
         "the expectation E and the perception P of SERVQUAL (Q = P − E)",
         "told 'your room is ready at 15:00', a guest who gets it at 15:10 feels let down"),
        ("objective side", "客观因素：满足客户的利益需求",
         "the benefit delivered: the need or interest actually met",
         "technical quality (§7.4): what the customer gets",
         "the room is clean, quiet and ready; the bill is correct"),
    ]
    return pd.DataFrame(rows, columns=["side", "chinese", "meaning", "in_this_chapter",
                                       "hotel_example"]).set_index("side")


def service_beliefs() -> pd.DataFrame:
    """Six beliefs of a service-first philosophy (客户服务理念), as Chinese customer-service
    training usually lists them, with what each means, the chapter section that turns it into
    method, and a hotel example.

    The Chinese column gives the beliefs as such training material words them (shortened).

    >>> service_beliefs()["chinese"].iloc[0]
    '从百分百满意开始'
    >>> len(service_beliefs())
    6
    """
    rows = [
        ("start from 100 % satisfaction", "从百分百满意开始",
         "aim at complete satisfaction: 'satisfied' customers still defect, the completely "
         "satisfied stay (chapter 5, Jones & Sasser)", "§7.7 priorities",
         "a stay with one wrong bill is not '90 % good'"),
        ("the customer's view is the fact", "客户的看法就是客观事实，尽管可能是偏见",
         "what counts is what the customer perceives, even when it is a misperception",
         "§7.4 Q = P − E", "a guest who thinks the room was not cleaned judges the hotel by that"),
        ("a mistake is a chance to improve", "过错是改进的机会，问题可以开创有利的新局面",
         "a failure handled well can strengthen the relationship and shows what to fix",
         "§7.12 service recovery", "the billing errors of July led to a tested system"),
        ("make customers feel important", "一定要让客户觉得自己很重要",
         "recognition and individual attention", "§7.5 empathy items",
         "greeting a returning guest by name (the F hotel)"),
        ("ask good questions", "善于提问是服务高手的标志之一",
         "questions find the real need behind a request", "§7.11 find the facts",
         "'is the room for work or for rest?' before choosing a floor"),
        ("listen, listen again, think before acting", "要做到聆听、再聆听，三思而后行",
         "let the customer finish; understand before answering", "§7.11 listen",
         "the duty manager in the yogurt case answered before listening"),
    ]
    table = pd.DataFrame(rows, columns=["belief", "chinese", "meaning", "method",
                                        "hotel_example"])
    table.index = pd.RangeIndex(1, len(rows) + 1, name="no")
    return table


def competition_levels() -> pd.DataFrame:
    """Three levels of competition in customer service (客户服务的竞争), from the basic to the
    hardest to copy, as Chinese customer-service training presents them. When products,
    brands, technology and staff hardly differ, service is the differentiation strategy (差异化
    策略) that remains besides competing on price (价格优势策略).

    >>> competition_levels()["chinese"].tolist()
    ['传统客户服务领域竞争', '差异化的服务领域竞争', '客户服务质量的竞争']
    """
    rows = [
        ("traditional customer service", "传统客户服务领域竞争",
         "the expected basics, done correctly", "easy: every rival offers them",
         "a clean room, a correct bill, a working lift"),
        ("differentiated service", "差异化的服务领域竞争",
         "services the rivals do not offer", "moderate: a new service can be copied in months",
         "airport transfer, a late-checkout guarantee, a children's club"),
        ("service quality", "客户服务质量的竞争",
         "how well every service is delivered, every time", "hard: it rests on people, "
         "standards and systems", "the F hotel greeting a one-night guest by name a month later"),
    ]
    table = pd.DataFrame(rows, columns=["level", "chinese", "competes_on", "easy_to_copy",
                                        "hotel_example"])
    table.index = pd.RangeIndex(1, len(rows) + 1, name="order")
    return table


def service_styles() -> pd.DataFrame:
    """Four service styles on two axes, the procedural side (程序: how well the service system
    works) and the personal side (个人: how staff treat the customer), with the message each
    sends the customer.

    The grid is common in customer-service training and Chinese textbooks; it is usually
    traced to William B. Martin's training book *Quality Customer Service* (Crisp
    Publications). The Chinese names are those of Chinese training material.

    >>> service_styles().loc[service_styles()["message"].str.contains("number"), "chinese"].item()
    '工厂型'
    >>> service_styles()[["procedure", "personal"]].loc["quality"].tolist()
    ['strong', 'strong']
    """
    rows = [
        ("freezer", "冷冻型", "weak", "weak", "slow, inconsistent, disorganised",
         "cold, insensitive, distant, uninterested", "we don't care",
         "a desk that loses the booking and shrugs"),
        ("factory", "工厂型", "strong", "weak", "timely, efficient, uniform",
         "cold, insensitive, distant, uninterested",
         "you are a number: we are here to process you (你是一个数字)",
         "check-in in 3 minutes, without a look or a smile"),
        ("friendly", "友好型", "weak", "strong", "slow, inconsistent, disorganised, chaotic",
         "friendly, gracious, interested, tactful",
         "we are trying, but we do not really know what we are doing",
         "a charming clerk who cannot find the reservation"),
        ("quality", "优质型", "strong", "strong", "timely, efficient, uniform",
         "friendly, gracious, interested, tactful", "we care, and we deliver",
         "check-in in 3 minutes, by name, with the room the guest prefers"),
    ]
    return pd.DataFrame(rows, columns=["style", "chinese", "procedure", "personal",
                                       "procedure_traits", "personal_traits", "message",
                                       "hotel_example"]).set_index("style")


def plot_service_styles(ax: Any = None, points: Any = None) -> Any:
    """The four service styles as a 2 × 2 grid: the personal side across (weak → strong), the
    procedural side up (weak → strong), each quadrant labelled with its style and message.

    Parameters
    ----------
    ax : matplotlib.axes.Axes, optional
    points : mapping of label -> (personal, procedure), optional
        Places to mark, each coordinate from 0 (weak) to 1 (strong), e.g. where the class puts
        the Lakeside's front desk at peak hours.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from crmlib import plotting
    >>> ax = plot_service_styles(points={"Lakeside desk, peak hours": (0.3, 0.35)})
    >>> sorted(t.get_text() for t in ax.texts if t.get_text().istitle())
    ['Factory', 'Freezer', 'Friendly', 'Quality']
    >>> plotting.close(ax.figure)
    """
    from . import plotting

    marks = _style_points(points)
    if ax is None:
        _, ax = plotting.new_figure(figsize=(9, 7))
    styles = service_styles()
    colors = {"freezer": "#e8e6f4", "factory": "#fde9dc", "friendly": "#dff2ea",
              "quality": "#d4e6f5"}
    corner = {"weak": 0.0, "strong": 0.5}
    for name, row in styles.iterrows():
        x0, y0 = corner[row["personal"]], corner[row["procedure"]]
        ax.add_patch(_rectangle((x0, y0), 0.5, 0.5, colors[name]))
        title = name.capitalize()  # English only in figures: no CJK font needed
        ax.text(x0 + 0.25, y0 + 0.36, title, ha="center", va="center", fontsize=13,
                fontweight="bold", color=plotting.COLORS["total"])
        message = _wrap_words(f"“{row['message'].split(' (')[0]}”", 28)
        ax.text(x0 + 0.25, y0 + 0.2, message, ha="center", va="center", fontsize=10.5,
                style="italic", color=plotting.COLORS["total"])
        ax.text(x0 + 0.25, y0 + 0.06, f"procedure: {row['procedure']} · personal: "
                f"{row['personal']}", ha="center", va="center", fontsize=9,
                color=plotting.COLORS["muted"])
    for label, (px, py) in marks.items():
        ax.plot([px], [py], marker="o", ms=9, color=plotting.COLORS["bad"], zorder=5)
        ax.annotate(label, (px, py), xytext=(8, -14), textcoords="offset points",
                    fontsize=10, color=plotting.COLORS["bad"], zorder=5)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_xticks([0.25, 0.75], ["weak", "strong"])
    ax.set_yticks([0.25, 0.75], ["weak", "strong"])
    ax.set_xlabel("Personal side: how staff treat the customer")
    ax.set_ylabel("Procedural side: how well the system works")
    ax.grid(False)
    ax.set_title("Four service styles: procedure × personal")
    return ax


def _style_points(points: Any) -> dict[str, tuple[float, float]]:
    # Checked before drawing, so a bad point never leaves a half-drawn figure behind.
    if points is None:
        return {}
    if not isinstance(points, Mapping):
        raise TypeError(f"points: expected a mapping of label -> (personal, procedure), got "
                        f"{type(points).__name__}")
    marks = {}
    for label, xy in points.items():
        if isinstance(xy, str) or not hasattr(xy, "__len__") or len(xy) != 2:
            raise ValueError(f"points[{label!r}]: expected a pair (personal, procedure), got {xy!r}")
        pair = tuple(v.scalar(c, f"points[{label!r}]") for c in xy)
        if not all(0 <= c <= 1 for c in pair):
            raise ValueError(f"points[{label!r}]: coordinates run from 0 (weak) to 1 (strong), "
                             f"got {pair}")
        marks[str(label)] = pair
    return marks


def _rectangle(xy: tuple[float, float], width: float, height: float, color: str) -> Any:
    from matplotlib.patches import Rectangle

    return Rectangle(xy, width, height, facecolor=color, edgecolor="white", lw=3)


def _wrap_words(text: str, width: int) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width))


def selling_models() -> pd.DataFrame:
    """Where the time of a sale goes, in the old (product-centred) and the new
    (relationship-centred) model of selling and service (客服旧模式 / 客服新模式), as percentages
    of the time with the customer.

    The figures are those of a diagram common in sales and customer-service training; they
    illustrate a shift of emphasis and are not a measurement.

    >>> selling_models()
                               old  new
    stage                              
    build rapport and trust     10   40
    find the customer's needs   20   30
    present the product         30   20
    close the order             40   10
    """
    table = pd.DataFrame(
        {"old": [10, 20, 30, 40], "new": [40, 30, 20, 10]},
        index=pd.Index(["build rapport and trust", "find the customer's needs",
                        "present the product", "close the order"], name="stage"))
    return table


def plot_selling_models(ax: Any = None) -> Any:
    """The old and new models of selling as two stacked bars of 100 %: each stage's share of
    the time with the customer, labelled.

    Examples
    --------
    >>> from crmlib import plotting
    >>> ax = plot_selling_models()
    >>> [int(round(b.get_width())) for b in ax.patches][:4]
    [10, 40, 20, 30]
    >>> plotting.close(ax.figure)
    """
    from . import plotting

    table = selling_models()
    if ax is None:
        _, ax = plotting.new_figure(figsize=(10, 4))
    models = {"old": "Old model", "new": "New model"}
    colors = ["#1b9e77", "#7570b3", "#d95f02", "#e7298a"]
    y = np.arange(len(models))[::-1]
    left = np.zeros(len(models))
    for (stage, row), color in zip(table.iterrows(), colors):
        widths = row[list(models)].to_numpy(dtype=float)
        ax.barh(y, widths, left=left, color=color, height=0.6, label=stage,
                edgecolor="white")
        for yi, li, wi in zip(y, left, widths):
            ax.text(li + wi / 2, yi, f"{wi:.0f}%", ha="center", va="center", color="white",
                    fontsize=12, fontweight="bold")
        left += widths
    ax.set_yticks(y, list(models.values()))
    ax.set_xlim(0, 100)
    ax.set_xlabel("Share of the time with the customer (%)")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=4, fontsize=10)
    ax.set_title("Old and new models of selling: from closing to trust")
    return ax


def common_problems() -> pd.DataFrame:
    """Four common problems of customer service (客户服务面临和存在的问题), as Chinese customer-
    service training lists them, with the gap of the gaps model (§7.8) each one opens and a
    hotel example.

    >>> common_problems()["gap"].tolist()
    [3, 3, 2, 3]
    """
    rows = [
        ("hardware cannot make up for software", "硬件的完善不能弥补软件（客户服务人员）的缺陷",
         3, "a renovated lobby with an indifferent desk"),
        ("staff lack service awareness and commitment", "客户服务人员普遍缺乏服务意识和敬业精神",
         3, "'that is not my department'"),
        ("departments do not coordinate, so service is slow",
         "各部门之间缺乏沟通协调，导致服务效率低下", 2,
         "housekeeping does not tell the desk that a room is ready"),
        ("staff lack professional service skills", "客户服务人员缺少专业的客户服务技巧", 3,
         "a clerk who argues with a guest about a bill"),
    ]
    table = pd.DataFrame(rows, columns=["problem", "chinese", "gap", "hotel_example"])
    table.index = pd.RangeIndex(1, len(rows) + 1, name="no")
    return table
