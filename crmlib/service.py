"""Customer service (客户服务): what a service is, how customer service has changed, the content of
customer service management, service level management, technical and functional quality, and
service commitments (服务承诺).

Teaching tables from the slide deck 003, chapter 5 (客户服务管理的基础知识), in the course's own
words, with a hotel as the running example, plus the flow of service level management as a
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

from typing import Any

import pandas as pd

__all__ = ["definitions", "characteristics", "service_offer_types", "evolution",
           "management_goals", "service_level_steps", "plot_service_level_flow",
           "quality_components", "expected_quality_drivers", "commitment_types",
           "commitment_bases"]


def definitions() -> pd.DataFrame:
    """Two definitions of a service given by the source: as an *act or benefit* and as a
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

    The source names 不可感知性 (we say intangibility), 不可分离性 (inseparability), 差异性
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
    from (source 003).

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
    customers come to expect more, in the source's order, with a hotel example.

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
    """The goals of customer service management (客户服务管理的目标) listed by source 003.

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
    """Service level management (服务等级管理) in four steps (source 003), with what each step
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
    """What shapes the quality a customer expects (客户预期质量影响因素, source 003).

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
    """What holds a service commitment (服务承诺) together: the source calls it a psychological
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

    The source lists service-attribute commitments (single and multiple attribute) and the
    unconditional satisfaction commitment, where its text breaks off; the *combined* guarantee is
    added from the services-marketing literature (Wirtz & Lovelock) and marked so.

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
