"""Invented news articles in several house styles, for the drafting tests. Written for Briefs: no
sentence comes from a real article."""

WIRE_FLOOD = """Floods cut off mountain towns as rivers burst their banks

HALDEN, Norway (AP) — Floodwater cut off four mountain towns in southern Norway on Tuesday after two days of rain pushed the Lagen and Otta rivers over their banks, forcing about 1,200 people from their homes.

Emergency crews used boats to reach families in Otta and Vinstra, where the water rose 2.4 meters above its normal level, the regional rescue service said.

"We have not seen water like this since 1995," said Ingrid Solberg, who leads the rescue service in Innlandet county. "The next two days will decide how bad this gets."

But roads in the valley remained closed. Forecasters expect another 80 millimeters of rain by Thursday.

The government said it would release 150 million kroner in emergency aid.
"""

UK_FLOOD = """Norway floods: 1,200 forced out as rivers rise

By Tom Archer and Priya Shah

Around 1,200 people have been forced from their homes in southern Norway after the Lagen and Otta rivers burst their banks, cutting off four towns including Otta and Vinstra.

Rescue teams in Innlandet county have been using boats to reach stranded families, with water 2.4 metres above normal in places.

Ingrid Solberg, head of the county rescue service, said the coming days would be critical. "The next two days will decide how bad this gets," she said.

The Norwegian government has promised 150 million kroner in emergency aid.
"""

US_BUDGET = """City council approves $41 million harbor plan

PORTSMOUTH, N.H. — The city council voted 7 to 2 on Monday to dredge the northern harbor channel, a project that will cost about $41 million over three years.

Supporters said the work would keep larger cargo ships coming to the port. "We cannot let the biggest ships go elsewhere," said Hana Lindqvist, the council's chair.

He said he pressed his team to finish the plan before winter.

Opponents warned that the cost could rise. "Nobody has priced the disposal of the silt," council member Rob Dunne said.
"""

REUTERS_SHARES = """Chipmaker shares slide after profit warning

LONDON, Jan 3 (Reuters) - Shares in chipmaker Veltron fell 14% on Friday after the company cut its annual profit forecast, blaming weak demand from carmakers.

The company now expects operating profit of 310 million euros, down from an earlier forecast of 420 million, it said in a statement.

"Demand from our automotive customers has weakened faster than we expected," chief executive Lena Hart said, adding that the company would cut 600 jobs.
"""

TABLOID_SPORT = """Striker fires Rovers into final

By Gary Mould, Sports Reporter, and Jo Penn, and Ali Dar

Danny Kerr's late double sent Rovers into the cup final last night as they came from behind to beat City 3-2.

'We never stopped believing,' Kerr said after the match. 'This is for the fans.'

The club said 40,000 tickets for the final would go on sale on Monday.
"""

OTHER_FLOOD = """Heavy rain floods Dutch river towns

ROTTERDAM (AP) — Heavy rain flooded streets in three Dutch river towns on Sunday, and the Maas rose to its highest level since 2021, forcing 300 residents of Venlo and Roermond to leave their homes.

"The dikes are holding," said Pieter Vos, who runs the regional water board.
"""
