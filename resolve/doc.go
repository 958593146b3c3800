// Package resolve turns stored articles into entities that hold across
// articles: one stable ID per person, organisation, decision, place and
// target family, with the written variants of each name merged as aliases,
// people's roles dated from the articles that state them, places mapped to
// their province in the 63- and 34-province maps, and goals grouped into
// metric families so places can be compared.
//
// Resolution is a pure function of the articles (Build); nothing is edited
// by hand. A Resolver keeps the result current as articles are added.
package resolve
