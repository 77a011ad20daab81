"""Origins of CRM and relationship marketing (客户关系管理的产生与关系营销): how marketing thought
moved from production to relationships, how the marketing mix moved from 4P to 4V, what
relationship marketing is, and why CRM appeared.

Most of the chapter is ideas, so most of this module is *teaching tables*: one small DataFrame
per list of the sources, in English with the Chinese term, each row saying where it comes from.
Two figures draw the ideas (the timeline of marketing thought, the evolution of the marketing
mix, the five relationship groups), and a few vectorised functions let students test one claim
of relationship marketing on data: a firm's customers are not alike, and its long-standing
customers bring much of its revenue.

Reading the sources
-------------------
Chinese CRM textbooks give the seven stages of marketing thought with their periods
in words ("late 19th to early 20th century", "the 1940s-50s"); :func:`marketing_stages` turns
them into years for the timeline, and those years are our reading, not the textbooks'. They
list the six I's of relationship marketing by name only; the meanings in :func:`six_is` are the
course's reading. The 4R and 4V frameworks are credited as Chinese textbooks usually credit them.

>>> marketing_stages().index[-1]
'relationship marketing'
>>> int(rm_definitions().loc["Berry", "year"])
1983

References
----------
Berry, L. L. (1983). Relationship marketing. In L. L. Berry, G. L. Shostack & G. D. Upah (eds.),
*Emerging Perspectives on Services Marketing* (pp. 25-28). American Marketing Association.
Jackson, B. B. (1985). *Winning and Keeping Industrial Customers*. Lexington Books.
Grönroos, C. (1990). Relationship approach to marketing in service contexts. *Journal of Business
Research*, 20(1), 3-11.
Christopher, M., Payne, A. & Ballantyne, D. (1991). *Relationship Marketing*. Butterworth-Heinemann.
Morgan, R. M. & Hunt, S. D. (1994). The commitment-trust theory of relationship marketing.
*Journal of Marketing*, 58(3), 20-38.
Lauterborn, R. (1990). New marketing litany: four P's passé; C-words take over. *Advertising Age*,
61(41), 26.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from . import _validate as v

__all__ = [
    "MARKETING_STAGES", "SERVICE_STAGES", "marketing_stages", "stage_lists", "marketing_definitions", "plot_timeline",
    "marketing_mix", "marketing_mix_elements", "plot_marketing_mix",
    "rm_definitions", "rm_features", "six_is", "relationship_groups", "plot_relationship_groups",
    "rm_mix", "rm_process", "rm_roles", "transaction_vs_relationship", "statement_quiz",
    "rm_background",
    "crm_drivers", "revenue_by_tenure", "plot_revenue_by_tenure", "pareto_curve",
    "top_customer_share", "plot_pareto",
]


# ---------------------------------------------------------------------------------------------
# The seven stages of marketing thought
# ---------------------------------------------------------------------------------------------

#: The seven stages of marketing thought (营销管理发展的7个阶段), in historical order.
MARKETING_STAGES = ("production", "product", "selling", "marketing", "societal marketing",
                    "mega-marketing", "relationship marketing")


def marketing_stages() -> pd.DataFrame:
    """The seven stages of marketing thought, with their period, their core idea and the market
    that produced them.

    ``period`` is the wording of Chinese CRM textbooks; ``start`` and ``end`` turn it into years for
    :func:`plot_timeline` (the course's reading: "late 19th to early 20th century" is 1890-1920,
    "early 20th century" 1900-1930, "the 1950s" 1950-1960, and so on). A stage does not end at
    ``end``: it stops being the *new* idea, while firms that think that way remain.

    Returns
    -------
    pandas.DataFrame
        Indexed by stage (in order), columns ``chinese``, ``period``, ``start``, ``end``,
        ``core_idea``, ``market`` and ``also_called`` (the other Chinese name in use: the
        seven-stage list of Chinese CRM textbooks says 销售观念 for the selling concept, the
        usual textbook term, and this course's, is 推销观念; 营销观念 is short for 市场营销观念).

    Examples
    --------
    >>> stages = marketing_stages()
    >>> stages.loc["selling", ["chinese", "period"]].tolist()
    ['推销观念', '1940s-1950s']
    >>> stages.loc["selling", ["start", "end"]].tolist()
    [1940, 1960]
    >>> list(stages.index) == list(MARKETING_STAGES)
    True
    >>> stages.loc["selling", "also_called"]
    '销售观念'
    """
    rows = [
        ("production", "生产观念", "late 19th to early 20th century", 1890, 1920,
         "produce more and cheaper: raise output, cut costs, widen sales",
         "demand exceeds supply; buyers take what is made"),
        ("product", "产品观念", "early 20th century", 1900, 1930,
         "make a better product: quality sells itself",
         "supply catches up; buyers compare quality"),
        ("selling", "推销观念", "1940s-1950s", 1940, 1960,
         "push what the firm makes: hard selling and promotion",
         "capacity exceeds demand; goods must be pushed"),
        ("marketing", "市场营销观念", "1950s", 1950, 1960,
         "find out what customers need and make that",
         "overproduction and fierce competition: a buyer's market"),
        ("societal marketing", "社会营销观念", "1970s", 1970, 1980,
         "meet customer needs while protecting society's long-term interest",
         "pollution, resource limits and consumer movements"),
        ("mega-marketing", "大市场营销观念", "1980s", 1980, 1990,
         "win access to protected markets worldwide: add power and public relations to the mix",
         "rising trade protectionism; marketing across national borders"),
        ("relationship marketing", "关系营销观念", "1990s", 1990, 2000,
         "keep long-term, stable relationships with customers and other partners",
         "saturated markets; keeping a customer is cheaper than winning one"),
    ]
    frame = pd.DataFrame(rows, columns=["stage", "chinese", "period", "start", "end",
                                        "core_idea", "market"]).set_index("stage")
    frame["also_called"] = pd.Series({"selling": "销售观念", "marketing": "营销观念"}
                                     ).reindex(frame.index).fillna("")
    return frame


#: The six-stage list of Chinese service-marketing slides ("现代服务营销观念"), in its order.
SERVICE_STAGES = ("production", "product", "selling", "marketing", "service marketing",
                  "societal marketing")


def stage_lists() -> pd.DataFrame:
    """The two lists of stages of marketing thought that Chinese textbooks use, side by side.

    CRM textbooks list **seven** stages (:data:`MARKETING_STAGES`, ending with mega-marketing
    and relationship marketing); service-marketing slides list **six** (:data:`SERVICE_STAGES`):
    production, product, selling (推销观念), marketing (营销观念), **service marketing**
    (服务营销观念) and societal marketing. The six-stage list has no mega-marketing and no
    relationship marketing, adds service marketing, and puts it *before* societal marketing.
    Neither list is wrong: each tells the history for its own subject.

    Returns
    -------
    pandas.DataFrame
        One row per stage in either list (the seven-stage order, service marketing after
        marketing): ``chinese``, ``in_seven`` and ``in_six`` (the stage's position in each list,
        0 when it is not in it), ``core_idea``.

    Examples
    --------
    >>> lists = stage_lists()
    >>> lists.loc["service marketing", ["in_seven", "in_six"]].tolist()
    [0, 5]
    >>> int((lists["in_seven"] > 0).sum()), int((lists["in_six"] > 0).sum())
    (7, 6)
    """
    stages = marketing_stages()
    service = pd.DataFrame(
        {"chinese": ["服务营销观念"],
         "core_idea": ["win and keep customers through the service itself: quality at every "
                       "contact, satisfaction, a lasting service relationship"]},
        index=pd.Index(["service marketing"], name="stage"))
    frame = pd.concat([stages[["chinese", "core_idea"]].iloc[:4], service,
                       stages[["chinese", "core_idea"]].iloc[4:]])
    frame.insert(1, "in_seven", [MARKETING_STAGES.index(s) + 1 if s in MARKETING_STAGES else 0
                                 for s in frame.index])
    frame.insert(2, "in_six", [SERVICE_STAGES.index(s) + 1 if s in SERVICE_STAGES else 0
                               for s in frame.index])
    return frame


def marketing_definitions() -> pd.DataFrame:
    """How the American Marketing Association's definition of marketing changed (the three
    dates Chinese CRM textbooks quote: 1960, 1985 and 2004), summarised in the course's words.

    >>> marketing_definitions()["year"].tolist()
    [1960, 1985, 2004]
    >>> "relationships" in marketing_definitions().loc[2, "gist"]
    True
    """
    rows = [
        (1960, "American Marketing Association",
         "business activities that move goods and services from producer to consumer",
         "distribution"),
        (1985, "American Marketing Association",
         "planning and carrying out the conception, pricing, promotion and distribution of "
         "ideas, goods and services to create exchanges that meet individual and organisational "
         "goals", "exchange"),
        (2004, "American Marketing Association",
         "an organisational function and set of processes that create, communicate and deliver "
         "value to customers and manage customer relationships to benefit the organisation and "
         "its stakeholders", "value and relationships"),
    ]
    return pd.DataFrame(rows, columns=["year", "by", "gist", "key_word"])


def plot_timeline(ax: Any = None, show_definitions: bool = True) -> Any:
    """The seven stages of marketing thought on a time axis, one bar per stage, with the dates
    of the first definitions of relationship marketing marked.

    Parameters
    ----------
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new course-style figure when omitted.
    show_definitions : bool, default True
        Mark Berry (1983), Jackson (1985), Grönroos (1990) and Morgan & Hunt (1994).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> ax = plot_timeline()
    >>> len(ax.patches)
    7
    >>> [t.get_text() for t in ax.get_yticklabels()][0]
    'production'
    >>> from crmlib import plotting; plotting.close(ax.figure)
    """
    from . import plotting

    if not isinstance(show_definitions, (bool, np.bool_)):
        raise TypeError(f"show_definitions: expected True or False, got {show_definitions!r}")
    stages = marketing_stages()
    if ax is None:
        _, ax = plotting.new_figure(figsize=(11, 5.5))
    y = np.arange(len(stages))[::-1]  # the first stage on top
    colors = [plotting.COLORS["muted"]] * 4 + [plotting.COLORS["neutral"]] * 2 + \
        [plotting.COLORS["good"]]
    ax.barh(y, stages["end"] - stages["start"], left=stages["start"], height=0.6, color=colors)
    for yi, (stage, row) in zip(y, stages.iterrows()):
        ax.text(row["end"] + 1.5, yi, row["period"], va="center", fontsize=10,
                color=plotting.COLORS["total"])
    ax.set_yticks(y, stages.index)
    from matplotlib.patches import Patch
    ax.legend(handles=[Patch(color=colors[0], label="the firm and its buyers (1890s-1950s)"),
                       Patch(color=colors[4], label="society and protected markets (1970s-1980s)"),
                       Patch(color=colors[6], label="relationships (1990s)")],
              loc="upper right", fontsize=10, title="What the stage looks at", title_fontsize=10)
    ax.set_xlim(1880, 2025)
    ax.set_ylim(-1.7 if show_definitions else -0.6, len(stages) - 0.4)
    ax.set_xlabel("Year (periods as the textbooks give them in words; the bars are our reading)")
    ax.set_title("Seven stages of marketing thought")
    ax.grid(axis="y", visible=False)
    if show_definitions:
        defs = rm_definitions()
        accent = plotting.COLORS["accent"]
        ax.scatter(defs["year"], np.full(len(defs), -1.0), marker="D", s=36, color=accent,
                   zorder=3)
        # labels fan out left and right of the crowded decade, joined to their marker
        spots = [(1960, -0.75), (1960, -1.35), (2008, -0.75), (2008, -1.35)]
        for (author, row), (tx, ty) in zip(defs.iterrows(), spots):
            ax.annotate(f"{author} {row['year']}", xy=(row["year"], -1.0), xytext=(tx, ty),
                        ha="right" if tx < row["year"] else "left", va="center", fontsize=10,
                        color=accent, arrowprops=dict(arrowstyle="-", color=accent, lw=0.8))
        ax.text(1882, -1.05, "relationship marketing\ndefined:", fontsize=10, color=accent,
                va="center")
    return ax


# ---------------------------------------------------------------------------------------------
# 4P -> 4C -> 4R -> 4V
# ---------------------------------------------------------------------------------------------

_MIX = {
    "4P": ("以产品为核心", "product-centred: what the firm makes and how it sells it",
           "McCarthy (1960)", 1960,
           [("Product", "产品", "what the firm offers"),
            ("Price", "价格", "what the firm charges"),
            ("Place", "渠道", "where and how the product is sold"),
            ("Promotion", "促销", "how the firm tells buyers about it")]),
    "4C": ("以顾客为核心", "customer-centred: the same four questions asked from the buyer's side",
           "Lauterborn (1990)", 1990,
           [("Customer", "顾客", "the customer's needs and wants, the solution they buy"),
            ("Cost", "成本", "everything the customer gives up: money, time, effort"),
            ("Convenience", "便利", "how easily the customer can buy"),
            ("Communication", "沟通", "a two-way dialogue instead of one-way promotion")]),
    "4R": ("以关系为核心", "relationship-centred: create demand actively and tie the customer to "
           "the firm, for a competitive advantage", "Schultz (about 2001, as usually credited)", 2001,
           [("Relevance", "关联", "bind the firm to the customer's needs, as a partner"),
            ("Reaction", "反应", "sense changes in demand and respond fast"),
            ("Relationship", "关系", "turn transactions into lasting relationships"),
            ("Return", "回报", "relationships must pay, for the firm and the customer")]),
    "4V": ("以竞争力为核心", "competitiveness-centred: stand out and resonate with customers",
           "Wu Jinming et al. (about 2001, as usually credited)", 2001,
           [("Variation", "差异化", "differ from competitors in product, service and image"),
            ("Versatility", "功能化", "offer a flexible range of functions for different needs"),
            ("Value", "附加价值", "add value beyond the core product: service, brand, culture"),
            ("Vibration", "共鸣", "resonate with the customer: value that is felt and shared")]),
}


def marketing_mix() -> pd.DataFrame:
    """4P → 4C → 4R → 4V side by side: one row per framework with its centre, who proposed it
    and its four elements (English and Chinese).

    Credits for 4R and 4V follow the way Chinese textbooks usually give them (4R to Don E.
    Schultz, 4V to Wu Jinming 吴金明 and colleagues); the course has not traced either to a
    first publication, hence "as usually credited". In English a *different* 4R (relationships,
    retrenchment, relevancy, rewards) is Elliott Ettenberg's (2002): do not mix the two.

    Returns
    -------
    pandas.DataFrame
        Indexed by framework, columns ``centre``, ``chinese_centre``, ``proposed_by``, ``year``,
        ``element_1`` ... ``element_4`` (each "English 中文").

    Examples
    --------
    >>> mix = marketing_mix()
    >>> list(mix.index)
    ['4P', '4C', '4R', '4V']
    >>> mix.loc["4C", "element_3"]
    'Convenience 便利'
    """
    rows = []
    for name, (zh, centre, by, year, elements) in _MIX.items():
        row = {"framework": name, "centre": centre, "chinese_centre": zh, "proposed_by": by,
               "year": year}
        row.update({f"element_{i}": f"{en} {cn}" for i, (en, cn, _) in enumerate(elements, 1)})
        rows.append(row)
    return pd.DataFrame(rows).set_index("framework")


def marketing_mix_elements() -> pd.DataFrame:
    """Every element of the four frameworks in long form: framework, element, Chinese, meaning.

    The position (1-4) pairs each 4P element with the 4C element that answers it from the
    customer's side (Product → Customer, Price → Cost, Place → Convenience, Promotion →
    Communication); for 4R and 4V the position is only the usual order.

    >>> el = marketing_mix_elements()
    >>> el.loc[el["framework"] == "4R", "element"].tolist()
    ['Relevance', 'Reaction', 'Relationship', 'Return']
    >>> len(el)
    16
    """
    rows = [(name, i, en, cn, meaning)
            for name, (*_, elements) in _MIX.items()
            for i, (en, cn, meaning) in enumerate(elements, 1)]
    return pd.DataFrame(rows, columns=["framework", "position", "element", "chinese", "meaning"])


def plot_marketing_mix(ax: Any = None) -> Any:
    """The four frameworks as four columns of four boxes, arrows from each to the next, the 4P
    and 4C elements that answer each other on the same row.

    >>> ax = plot_marketing_mix()
    >>> sum(1 for t in ax.texts if t.get_text() == "Cost")
    1
    >>> from crmlib import plotting; plotting.close(ax.figure)
    """
    from matplotlib.patches import FancyBboxPatch

    from . import plotting

    if ax is None:
        _, ax = plotting.new_figure(figsize=(11, 5.2))
    c = plotting.COLORS
    colors = {"4P": c["muted"], "4C": c["neutral"], "4R": c["good"], "4V": c["accent"]}
    mix = marketing_mix()
    for col, (name, (_, _, by, _, elements)) in enumerate(_MIX.items()):
        x = col * 3.0
        ax.text(x + 1.1, 4.55, name, ha="center", va="center", fontsize=17, fontweight="bold",
                color=colors[name])
        ax.text(x + 1.1, 4.15, mix.loc[name, "centre"].split(":")[0], ha="center", va="center",
                fontsize=9.5, color=c["total"])
        for row, (en, _, _) in enumerate(elements):
            y = 3.2 - row * 0.95
            ax.add_patch(FancyBboxPatch((x, y), 2.2, 0.7, boxstyle="round,pad=0.03",
                                        facecolor=colors[name], alpha=0.22,
                                        edgecolor=colors[name]))
            ax.text(x + 1.1, y + 0.35, en, ha="center", va="center", fontsize=12)
        ax.text(x + 1.1, -0.45, by.replace(" (about", "\n(about").replace(", as usually", ",\nas usually"),
                ha="center", va="top", fontsize=8.5, color=c["total"])
        if col < 3:
            ax.annotate("", xy=(x + 2.9, 1.95), xytext=(x + 2.3, 1.95),
                        arrowprops=dict(arrowstyle="-|>", color=c["total"], lw=1.5))
    ax.set_xlim(-0.2, 11.4)
    ax.set_ylim(-1.5, 4.9)
    ax.axis("off")
    ax.set_title("The marketing mix from 4P to 4V: from the product to the relationship")
    return ax


# ---------------------------------------------------------------------------------------------
# Relationship marketing
# ---------------------------------------------------------------------------------------------

def rm_definitions() -> pd.DataFrame:
    """Definitions of relationship marketing (关系营销) in the order they appeared.

    Chinese CRM textbooks usually give Berry (1983), Jackson (1985) and Morgan & Hunt (1994);
    textbook chapters on building customer relationships give, often without naming him,
    Grönroos's (1990) definition (relationships with customers *and other partners*, through
    mutual exchange and keeping promises).

    Returns
    -------
    pandas.DataFrame
        Indexed by author, columns ``year``, ``gist`` (the definition in the course's words),
        ``key_idea``, ``chinese_key_idea``, ``reference``.

    Examples
    --------
    >>> d = rm_definitions()
    >>> d["year"].tolist()
    [1983, 1985, 1990, 1994]
    >>> d.loc["Morgan & Hunt", "key_idea"]
    'commitment and trust'
    """
    rows = [
        ("Berry", 1983,
         "attracting, keeping and enhancing customer relationships: the aim of marketing is to "
         "keep the customer, not only to win them", "keeping customers", "保持客户",
         "Berry (1983), Emerging Perspectives on Services Marketing, AMA"),
        ("Jackson", 1985,
         "in industrial markets, marketing aimed at strong, lasting relationships with individual "
         "accounts: binding the customer to the firm", "binding the customer", "捆住消费者",
         "Jackson (1985), Winning and Keeping Industrial Customers"),
        ("Grönroos", 1990,
         "establishing, maintaining and enhancing relationships with customers and other "
         "partners, at a profit, so that every party meets its objectives, through mutual "
         "exchange and keeping promises", "mutual exchange and kept promises", "互利交换、履行承诺",
         "Grönroos (1990), Journal of Business Research 20(1)"),
        ("Morgan & Hunt", 1994,
         "all marketing activities aimed at establishing, developing and maintaining successful "
         "relational exchanges; a theory of commitment and trust", "commitment and trust",
         "承诺与信任", "Morgan & Hunt (1994), Journal of Marketing 58(3)"),
    ]
    return pd.DataFrame(rows, columns=["author", "year", "gist", "key_idea", "chinese_key_idea",
                                       "reference"]).set_index("author")


def rm_features() -> pd.DataFrame:
    """The four features of relationship marketing (关系营销的特征), as Chinese CRM textbooks list
    them.

    >>> rm_features().index.tolist()
    ['two-way communication', 'cooperation', 'timely feedback', 'mutual benefit']
    """
    rows = [
        ("two-way communication", "信息沟通的双向性",
         "information flows both ways: the firm listens as well as talks"),
        ("cooperation", "战略过程的协同性",
         "the firm and its partners work towards shared goals instead of against each other"),
        ("timely feedback", "信息反馈的及时性",
         "the firm learns quickly how customers respond and adjusts what it offers"),
        ("mutual benefit", "营销活动的互利性",
         "both sides gain: the aim is win-win (双赢), not profit at the other's expense"),
    ]
    return pd.DataFrame(rows, columns=["feature", "chinese", "meaning"]).set_index("feature")


def six_is() -> pd.DataFrame:
    """The six I's (6I), the principles of relationship marketing in Chinese CRM textbooks.

    The textbooks list only the six words; the Chinese terms and meanings are the course's
    reading.

    >>> six_is().index.tolist()
    ['Intention', 'Interaction', 'Integration', 'Information', 'Investment', 'Individuality']
    """
    rows = [
        ("Intention", "意向", "both sides want a long-term relationship; it is a choice, not an accident"),
        ("Interaction", "互动", "a continuing dialogue with the customer at every point of contact"),
        ("Integration", "整合", "every department and partner works around the customer"),
        ("Information", "信息", "collect, keep and share what the firm learns about each customer"),
        ("Investment", "投资", "spend time, money and people on the relationship: it is an asset"),
        ("Individuality", "个性化", "treat each customer as an individual, not as a market average"),
    ]
    return pd.DataFrame(rows, columns=["principle", "chinese", "meaning"]).set_index("principle")


def relationship_groups() -> pd.DataFrame:
    """The five groups a firm builds relationships with (关系营销中的关系), with what the firm
    seeks from each and an example from Jack's Supermarket, the course's case store.

    >>> groups = relationship_groups()
    >>> len(groups), groups.index[0]
    (5, 'customers')
    """
    rows = [
        ("customers", "与消费者的关系",
         "repeat purchase, loyalty and word of mouth",
         "a loyalty card, birthday greetings, fixing complaints fast"),
        ("suppliers and distributors", "与供应商、分销商的关系",
         "reliable supply, shared planning, fair margins",
         "a dairy delivers fresh milk daily and shares sales data"),
        ("competitors", "与竞争者的关系",
         "fair competition and cooperation where both gain",
         "joint buying with other independent grocers"),
        ("influencers", "与影响者的关系",
         "goodwill of government, media, banks and the community",
         "sponsoring the neighbourhood festival; good relations with the city market office"),
        ("employees", "与内部员工的关系",
         "staff who serve customers well and stay (internal marketing)",
         "training cashiers to greet and thank customers (the lesson of Mrs Smith)"),
    ]
    return pd.DataFrame(rows, columns=["group", "chinese", "firm_seeks", "example"]
                        ).set_index("group")


def plot_relationship_groups(ax: Any = None) -> Any:
    """The firm at the centre with its five relationship groups around it.

    >>> ax = plot_relationship_groups()
    >>> "customers" in [t.get_text() for t in ax.texts]
    True
    >>> from crmlib import plotting; plotting.close(ax.figure)
    """
    from matplotlib.patches import Circle

    from . import plotting

    if ax is None:
        _, ax = plotting.new_figure(figsize=(7.5, 6.5))
    c = plotting.COLORS
    groups = relationship_groups()
    ax.add_patch(Circle((0, 0), 0.55, color=c["good"], alpha=0.9))
    ax.text(0, 0, "the firm\n(relationship\nmarketing)", ha="center", va="center", fontsize=11,
            color="white", fontweight="bold")
    angles = np.pi / 2 - np.arange(len(groups)) * 2 * np.pi / len(groups)
    for angle, (group, row) in zip(angles, groups.iterrows()):
        x, y = 1.55 * np.cos(angle), 1.55 * np.sin(angle)
        ax.annotate("", xy=(0.6 * np.cos(angle), 0.6 * np.sin(angle)),
                    xytext=(1.1 * np.cos(angle), 1.1 * np.sin(angle)),
                    arrowprops=dict(arrowstyle="<|-|>", color=c["muted"], lw=1.5))
        ax.add_patch(Circle((x, y), 0.5, color=c["neutral"], alpha=0.18))
        ax.text(x, y, group.replace(" and ", " &\n"), ha="center", va="center", fontsize=11)
    ax.set_xlim(-2.2, 2.2)
    ax.set_ylim(-1.95, 2.15)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title("The five relationships of relationship marketing")
    return ax


def rm_mix() -> pd.DataFrame:
    """The relationship marketing mix (关系营销组合策略): the 4P plus people, process and customer
    service, as in Christopher, Payne & Ballantyne (1991).

    >>> rm_mix().index.tolist()[4:]
    ['People', 'Process', 'Customer service']
    """
    rows = [
        ("Product", "产品", "4P", "the offer itself"),
        ("Price", "价格", "4P", "what it costs the customer"),
        ("Place", "渠道", "4P", "where it is bought"),
        ("Promotion", "促销", "4P", "how it is made known"),
        ("People", "人员", "added", "the staff who meet customers and make the relationship"),
        ("Process", "过程", "added", "how service is delivered, step by step, at every contact"),
        ("Customer service", "客户服务", "added",
         "the element that joins quality, service and marketing into one relationship"),
    ]
    return pd.DataFrame(rows, columns=["element", "chinese", "origin", "role"]).set_index("element")


def rm_process() -> pd.DataFrame:
    """How relationship marketing is carried out (关系营销的实现过程), step by step.

    >>> rm_process()["step"].tolist()
    [1, 2, 3, 4, 5]
    """
    rows = [
        (1, "analyse and find the customers to build relationships with", "分析、寻找客户"),
        (2, "make them promises", "向客户提供承诺"),
        (3, "keep those promises in full", "不折不扣地履行承诺"),
        (4, "communicate and exchange with them more", "加强与客户的交流、沟通"),
        (5, "do everything to keep existing customers", "千方百计留住老顾客"),
    ]
    return pd.DataFrame(rows, columns=["step", "action", "chinese"])


_TEXTBOOKS, _GRONROOS = "Chinese CRM textbooks", "Grönroos 1991"


def rm_roles() -> pd.DataFrame:
    """What relationship marketing does for a firm's marketing (关系营销在企业营销活动中的指导作用),
    as Chinese textbook chapters on building customer relationships give it: two roles, the
    second of which reaches beyond customers to government.

    >>> rm_roles().index.tolist()
    ['customer relationships', 'relations with government']
    """
    rows = [
        ("customer relationships", "建立并维持与顾客的良好关系",
         "build and keep good relationships with customers: the basic guarantee that the "
         "firm's marketing succeeds",
         "Jack's keeps its club members' purchase history and fixes complaints within a day"),
        ("relations with government", "协调与政府的关系",
         "coordinate the firm's relations with government, so that it works in a good "
         "marketing environment (licences, rules, public trust); the influencers of the five "
         "relationships, and the 'power' that mega-marketing adds",
         "Jack's keeps the city market office informed of its food-safety checks and joins its "
         "neighbourhood programmes, so that permits and inspections go smoothly"),
    ]
    return pd.DataFrame(rows, columns=["role", "chinese", "meaning", "example"]).set_index("role")


def transaction_vs_relationship() -> pd.DataFrame:
    """Transaction marketing (交易营销) and relationship marketing (关系营销) compared.

    ``source`` says where each row comes from: the comparison common in Chinese CRM textbooks;
    Grönroos's (1991) marketing strategy continuum (time horizon, dominant function, quality,
    price sensitivity and the "part-time marketers", a term of Gummesson's); and Christopher,
    Payne & Ballantyne (1991).

    Returns
    -------
    pandas.DataFrame
        Indexed by aspect, columns ``transaction``, ``relationship``, ``source``.

    Examples
    --------
    >>> table = transaction_vs_relationship()
    >>> table.loc["customers", "relationship"]
    'each customer is different and treated differently'
    >>> table["source"].unique().tolist()
    ['Chinese CRM textbooks', 'Grönroos 1991', 'Christopher, Payne & Ballantyne 1991']
    """
    rows = [
        ("customers", "all customers are alike", "each customer is different and treated differently", _TEXTBOOKS),
        ("roles", "an active seller and a passive buyer, independent of each other",
         "seller and buyer interact", _TEXTBOOKS),
        ("product", "the physical product's value", "the product plus the services around it", _TEXTBOOKS),
        ("aim", "the largest short-term profit",
         "economic and non-economic value for both sides over the long run", _TEXTBOOKS),
        ("source of value", "dividing existing value along the value chain",
         "creating new value together", _TEXTBOOKS),
        ("time horizon", "one deal at one time", "a continuing, lasting relationship: a long-term strategy", _GRONROOS),
        ("marketing tools", "the traditional marketing mix dominates",
         "interactive marketing at every contact (moments of truth)", _GRONROOS),
        ("quality that matters", "the outcome: what the customer gets",
         "the process too: how the customer gets it", _GRONROOS),
        ("price sensitivity", "high: customers switch for a lower price",
         "lower: customers value the relationship", _GRONROOS),
        ("who does marketing", "marketing specialists control it",
         "every employee who meets customers (part-time marketers)", _GRONROOS),
        ("customer service", "little emphasis", "high emphasis", "Christopher, Payne & Ballantyne 1991"),
        ("commitment to customers", "limited", "high", "Christopher, Payne & Ballantyne 1991"),
        ("customer contact", "moderate", "frequent", "Christopher, Payne & Ballantyne 1991"),
    ]
    return pd.DataFrame(rows, columns=["aspect", "transaction", "relationship", "source"]
                        ).set_index("aspect")


def statement_quiz(n: int = 8, seed: int = 1, answers: bool = True) -> pd.DataFrame:
    """A quiz: ``n`` statements drawn from :func:`transaction_vs_relationship`, shuffled, each
    to be labelled "transaction" or "relationship". The ``answer`` column holds the key.

    Parameters
    ----------
    n : int, default 8
        Number of statements (2 to twice the number of aspects).
    seed : int, default 1
        Seed for the draw (through :func:`crmlib.seed`), so a class shares one quiz.
    answers : bool, default True
        Include the ``answer`` column (False for the version handed to students).

    Examples
    --------
    >>> statement_quiz(4, answers=False).columns.tolist()
    ['statement']
    >>> quiz = statement_quiz(4)
    >>> quiz.columns.tolist(), len(quiz)
    (['statement', 'answer'], 4)
    >>> sorted(set(quiz["answer"]))
    ['relationship', 'transaction']
    """
    from ._seed import seed as _seed

    table = transaction_vs_relationship()
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 2 <= n <= 2 * len(table):
        raise ValueError(f"n: expected a whole number of statements from 2 to {2 * len(table)}, "
                         f"got {n!r}")
    rng = _seed(seed)
    aspects = rng.permutation(len(table))[:n]
    # alternate the side so both kinds appear, then shuffle the order
    sides = np.where(np.arange(n) % 2 == 0, "transaction", "relationship")
    statements = [f"{table.index[a]} — {table.iloc[a][side]}"
                  for a, side in zip(aspects, sides)]
    order = rng.permutation(n)
    quiz = pd.DataFrame({"statement": np.array(statements)[order], "answer": sides[order]})
    return quiz if answers else quiz[["statement"]]


# ---------------------------------------------------------------------------------------------
# Why CRM appeared
# ---------------------------------------------------------------------------------------------

def rm_background() -> pd.DataFrame:
    """The four forces behind relationship marketing (关系营销产生背景), as Chinese CRM textbooks
    list them.

    >>> rm_background().index.tolist()[0]
    'economic development'
    """
    rows = [
        ("economic development", "社会经济的发展",
         "services and saturated markets make keeping customers the main source of growth"),
        ("changing consumers", "消费者的变化",
         "better informed, more demanding buyers with more choice"),
        ("information technology", "信息技术的发展",
         "databases make it possible to know and serve customers one by one"),
        ("new marketing theory", "关系营销理论的发展",
         "services and industrial marketing research showed that relationships pay"),
    ]
    return pd.DataFrame(rows, columns=["force", "chinese", "meaning"]).set_index("force")


def crm_drivers() -> pd.DataFrame:
    """The seven changes in the business environment that brought the customer-centred era and
    with it CRM (经营环境的变化与客户中心时代的来临).

    >>> drivers = crm_drivers()
    >>> len(drivers), drivers.index[0]
    (7, "from a seller's to a buyer's market")
    """
    rows = [
        ("from a seller's to a buyer's market", "卖方市场向买方市场转变",
         "supply exceeds demand, so the customer, not the factory, decides"),
        ("changing customer values", "客户价值观改变",
         "customers want personal solutions, experiences and respect, not only products"),
        ("faster market change", "市场变化加剧",
         "products and fashions age quickly; firms must sense and react"),
        ("globalisation and deregulation", "经济全球化与政府管制的放松",
         "more competitors from everywhere, in markets that were once protected"),
        ("information and communication technology", "信息技术的进步和通信工具的冲击",
         "databases, the internet and phones make one-to-one contact cheap"),
        ("intangible assets and new business models", "无形资产地位的提升与经营模式的变化",
         "brands, knowledge and customer relationships become a firm's main assets"),
        ("e-commerce", "电子商务的发展",
         "customers compare and switch with a click; every contact leaves data"),
    ]
    return pd.DataFrame(rows, columns=["change", "chinese", "what_it_means"]).set_index("change")


# ---------------------------------------------------------------------------------------------
# A claim tested on data: customers differ, and the long-standing ones bring the revenue
# ---------------------------------------------------------------------------------------------

def _paired(a: Any, b: Any, name_a: str, name_b: str) -> tuple[np.ndarray, np.ndarray]:
    x, y = v.as_float_array(a, name_a).ravel(), v.as_float_array(b, name_b).ravel()
    if x.size != y.size:
        raise ValueError(f"{name_a} and {name_b}: need one value per customer in each, got "
                         f"{x.size} and {y.size} values")
    for arr, name, original in ((x, name_a, a), (y, name_b, b)):
        if (arr < 0).any():
            index = original.index if isinstance(original, pd.Series) else None
            raise ValueError(f"{name}: must be zero or more, negative value "
                             f"{v.describe_positions(arr < 0, index)}")
    return x, y


def revenue_by_tenure(tenure_months: Any, monthly_spend: Any,
                      bands: Any = (0, 12, 36, 60, 120, np.inf)) -> pd.DataFrame:
    """How a store's customers and its monthly revenue split by how long customers have bought
    there.

    Parameters
    ----------
    tenure_months : array-like of float
        Months since each customer's first purchase (0 or more).
    monthly_spend : array-like of float
        Each customer's spending per month, in $ (0 or more).
    bands : sequence of float, default (0, 12, 36, 60, 120, inf)
        Band edges in months, increasing; a band holds ``start <= tenure < end``.

    Returns
    -------
    pandas.DataFrame
        One row per band (labelled e.g. "12-36 months", "120+ months"), columns ``customers``,
        ``customer_share``, ``revenue``, ``revenue_share``, ``revenue_per_customer``.

    Examples
    --------
    >>> table = revenue_by_tenure([6, 30, 90, 100], [100, 200, 300, 400], bands=[0, 12, 60, 200])
    >>> table[["customers", "revenue", "revenue_share"]]
                   customers  revenue  revenue_share
    tenure                                          
    0-12 months            1    100.0            0.1
    12-60 months           1    200.0            0.2
    60-200 months          2    700.0            0.7
    """
    tenure, spend = _paired(tenure_months, monthly_spend, "tenure_months", "monthly_spend")
    try:
        edges = np.asarray(list(bands), dtype=float).ravel()
    except (TypeError, ValueError):
        raise TypeError(f"bands: expected band edges in months (numbers), got {bands!r}") from None
    if edges.size < 2 or np.isnan(edges).any() or not (np.diff(edges) > 0).all():
        raise ValueError(f"bands: expected at least two increasing band edges, got {list(bands)}")
    outside = (tenure < edges[0]) | (tenure >= edges[-1])
    if outside.any():
        index = tenure_months.index if isinstance(tenure_months, pd.Series) else None
        raise ValueError(f"tenure_months: value outside the bands [{edges[0]:g}, {edges[-1]:g}) "
                         f"{v.describe_positions(outside, index)}; widen bands")
    labels = [f"{a:g}+ months" if np.isinf(b) else f"{a:g}-{b:g} months"
              for a, b in zip(edges[:-1], edges[1:])]
    band = np.searchsorted(edges, tenure, side="right") - 1
    customers = np.bincount(band, minlength=len(labels))
    revenue = np.bincount(band, weights=spend, minlength=len(labels))
    total = revenue.sum()
    table = pd.DataFrame({
        "customers": customers,
        "customer_share": customers / customers.sum(),
        "revenue": revenue,
        "revenue_share": revenue / total if total > 0 else np.zeros_like(revenue),
        "revenue_per_customer": np.divide(revenue, customers, out=np.full(len(labels), np.nan),
                                          where=customers > 0),
    }, index=pd.Index(labels, name="tenure"))
    return table


def plot_revenue_by_tenure(table: pd.DataFrame, ax: Any = None) -> Any:
    """Share of customers next to share of revenue for each tenure band of
    :func:`revenue_by_tenure`.

    >>> ax = plot_revenue_by_tenure(revenue_by_tenure([6, 30, 90], [100, 200, 300]))
    >>> len(ax.patches)
    10
    >>> from crmlib import plotting; plotting.close(ax.figure)
    """
    from matplotlib.ticker import PercentFormatter

    from . import plotting

    if not isinstance(table, pd.DataFrame) or not {"customer_share", "revenue_share"} <= set(table):
        raise TypeError("table: expected the DataFrame returned by revenue_by_tenure()")
    if ax is None:
        _, ax = plotting.new_figure(figsize=(9, 5))
    x = np.arange(len(table))
    c = plotting.COLORS
    bars1 = ax.bar(x - 0.2, table["customer_share"], 0.4, color=c["muted"], label="share of customers")
    bars2 = ax.bar(x + 0.2, table["revenue_share"], 0.4, color=c["good"], label="share of revenue")
    for bars in (bars1, bars2):
        ax.bar_label(bars, labels=[f"{h:.0%}" for h in bars.datavalues], padding=2, fontsize=10)
    ax.set_xticks(x, table.index)
    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_ylim(0, max(table["customer_share"].max(), table["revenue_share"].max()) * 1.3)
    ax.set_xlabel("How long the customer has bought at the store")
    ax.set_title("Customers and revenue by length of relationship")
    ax.legend(loc="upper right")
    ax.set_axisbelow(True)
    return ax


def pareto_curve(spend: Any) -> pd.DataFrame:
    """The cumulative share of revenue against the cumulative share of customers, best customers
    first (a Pareto or concentration curve).

    Parameters
    ----------
    spend : array-like of float
        Spending (or profit) per customer, 0 or more, not all 0.

    Returns
    -------
    pandas.DataFrame
        ``customer_share`` and ``revenue_share``, starting at (0, 0) and ending at (1, 1).

    Examples
    --------
    >>> pareto_curve([10, 30, 60])
       customer_share  revenue_share
    0        0.000000            0.0
    1        0.333333            0.6
    2        0.666667            0.9
    3        1.000000            1.0
    """
    values = v.as_float_array(spend, "spend").ravel()
    if (values < 0).any():
        index = spend.index if isinstance(spend, pd.Series) else None
        raise ValueError(f"spend: must be zero or more, negative value "
                         f"{v.describe_positions(values < 0, index)}")
    total = values.sum()
    if total <= 0:
        raise ValueError("spend: all values are 0; there is no revenue to share out")
    ordered = np.sort(values)[::-1]
    n = ordered.size
    return pd.DataFrame({"customer_share": np.arange(n + 1) / n,
                         "revenue_share": np.concatenate([[0.0], np.cumsum(ordered) / total])})


def top_customer_share(spend: Any, top: float = 0.2) -> float:
    """The share of revenue that comes from the best ``top`` share of customers.

    When ``top`` × number of customers is not a whole number, the curve is interpolated
    linearly between customers (the share of a "fraction" of the next customer counts).

    Parameters
    ----------
    spend : array-like of float
        Spending per customer, 0 or more.
    top : float, default 0.2
        The share of customers counted as "best" (0 to 1): 0.2 for the 80/20 rule.

    Examples
    --------
    >>> top_customer_share([10, 30, 60], top=1/3)
    0.6
    >>> round(top_customer_share([10] * 10, top=0.2), 6)   # equal customers: 20% bring 20%
    0.2
    """
    top = v.share(top, "top")
    curve = pareto_curve(spend)
    return float(np.interp(top, curve["customer_share"], curve["revenue_share"]))


def plot_pareto(spend: Any, mark: float = 0.2, ax: Any = None) -> Any:
    """The concentration curve of :func:`pareto_curve`, with the revenue share of the best
    ``mark`` customers marked and the line of equal customers for comparison.

    >>> ax = plot_pareto([10, 30, 60], mark=0.5)
    >>> ax.get_xlabel()
    'Share of customers (best first)'
    >>> from crmlib import plotting; plotting.close(ax.figure)
    """
    from matplotlib.ticker import PercentFormatter

    from . import plotting

    mark = v.share(mark, "mark")
    curve = pareto_curve(spend)
    at = top_customer_share(spend, mark)
    if ax is None:
        _, ax = plotting.new_figure(figsize=(7, 6))
    c = plotting.COLORS
    ax.plot(curve["customer_share"], curve["revenue_share"], color=c["good"], lw=2.5,
            label="customers ranked by spending")
    ax.plot([0, 1], [0, 1], ls="--", color=c["muted"], label="if every customer spent the same")
    ax.plot([mark, mark, 0], [0, at, at], ls=":", color=c["bad"])
    ax.scatter([mark], [at], color=c["bad"], zorder=3)
    ax.annotate(f"the best {mark:.0%} bring {at:.0%} of revenue", (mark, at),
                xytext=(mark + 0.08, at - 0.12), fontsize=11, color=c["bad"])
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set(xlim=(0, 1), ylim=(0, 1.02), xlabel="Share of customers (best first)",
           ylabel="Share of revenue", title="Customers are not alike")
    ax.legend(loc="lower right")
    return ax
