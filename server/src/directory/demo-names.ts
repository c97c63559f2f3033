/** First names and surnames the demo directory combines into fictitious people. */

const list = (text: string): readonly string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Feminine first names (100). */
export const DEMO_FIRST_NAMES_F = list(`
  Marie, Nathalie, Isabelle, Sylvie, Catherine, Françoise, Martine, Christine, Valérie,
  Sandrine, Véronique, Brigitte, Monique, Nicole, Chantal, Dominique, Anne, Patricia,
  Corinne, Florence, Laurence, Pascale, Hélène, Agnès, Claire, Céline, Stéphanie, Karine,
  Muriel, Annie, Josiane, Danielle, Évelyne, Odile, Colette, Geneviève, Bernadette,
  Jacqueline, Michèle, Élisabeth, Béatrice, Sophie, Caroline, Virginie, Aurélie, Émilie,
  Julie, Audrey, Delphine, Séverine, Carole, Mireille, Ghislaine, Marylène, Joëlle, Solange,
  Régine, Yvette, Huguette, Marinette, Paulette, Gisèle, Lucienne, Simone, Jeanne, Louise,
  Camille, Élodie, Mélanie, Laetitia, Cécile, Magali, Estelle, Fabienne, Laure, Marion,
  Pauline, Charlotte, Lucie, Manon, Amandine, Emmanuelle, Annick, Maryse, Noëlle, Arlette,
  Ginette, Renée, Roselyne, Liliane, Claudine, Marlène, Marie-Thérèse, Anne-Marie,
  Marie-Claude, Marie-Hélène, Marie-Christine, Marie-Pierre, Marie-France, Marie-Laure
`);

/** Masculine first names (100). */
export const DEMO_FIRST_NAMES_M = list(`
  Jean, Michel, Philippe, Alain, Patrick, Bernard, Christian, Daniel, Gérard, Pierre,
  Jacques, Éric, Thierry, Pascal, Dominique, Frédéric, Laurent, Didier, Olivier, Nicolas,
  Stéphane, Christophe, Sébastien, Franck, Serge, Gilles, Jean-Pierre, Jean-Claude, Jean-Luc,
  Jean-Marc, Jean-Paul, Jean-François, Jean-Louis, Jean-Michel, Jean-Jacques, Jean-Yves,
  André, René, Roger, Robert, Henri, Georges, Marcel, Claude, Guy, Yves, Hervé, Joël, Bruno,
  Denis, Francis, Lionel, Régis, Rémi, Fabrice, Cédric, David, Julien, Mathieu, Guillaume,
  Vincent, Antoine, Benoît, Xavier, Emmanuel, Yannick, Ludovic, Jérôme, Arnaud, Damien,
  Grégory, Anthony, Romain, Maxime, Thomas, Alexandre, Florent, Jérémy, Adrien, Baptiste,
  Raymond, Lucien, Maurice, Paul, Louis, François, Joseph, Étienne, Hubert, Gaston, Roland,
  Raphaël, Noël, Max, Gabriel, Armand, Lucas, Hugo, Victor, Bastien
`);

/** Surnames (296), common French ones and Auvergne ones. */
export const DEMO_SURNAMES = list(`
  Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon,
  Laurent, Lefebvre, Michel, Garcia, David, Bertrand, Roux, Vincent, Fournier, Morel, Girard,
  André, Lefèvre, Mercier, Dupont, Lambert, Bonnet, François, Martinez, Legrand, Garnier,
  Faure, Rousseau, Blanc, Guérin, Muller, Henry, Roussel, Nicolas, Perrin, Morin, Mathieu,
  Clément, Gauthier, Dumont, Lopez, Fontaine, Chevalier, Robin, Masson, Sanchez, Gérard,
  Nguyen, Boyer, Denis, Lemaire, Duval, Joly, Gautier, Roger, Roche, Roy, Noël, Meyer, Lucas,
  Meunier, Jean, Pérez, Marchand, Dufour, Blanchard, Marie, Barbier, Brun, Dumas, Brunet,
  Schmitt, Leroux, Colin, Fernandez, Pierre, Renard, Arnaud, Rolland, Caron, Aubert, Giraud,
  Leclerc, Vidal, Bourgeois, Renaud, Lemoine, Picard, Gaillard, Philippe, Leclercq, Lacroix,
  Fabre, Dupuis, Olivier, Rodriguez, Da Silva, Hubert, Louis, Charles, Guillot, Rivière,
  Le Gall, Guillaume, Adam, Rey, Moulin, Gonzalez, Berger, Lecomte, Ménard, Fleury,
  Deschamps, Carpentier, Julien, Benoît, Paris, Maillard, Marchal, Aubry, Vasseur, Le Roux,
  Renault, Jacquet, Collet, Prévost, Poirier, Charpentier, Royer, Huet, Baron, Dupuy, Pons,
  Paul, Laine, Carré, Bréchet, Rémy, Schneider, Perrot, Guyot, Barre, Marty, Cousin,
  Chabrier, Vialle, Fayolle, Chassaing, Tixier, Bonnefoy, Chambon, Pradier, Bardin, Rouchon,
  Besse, Battut, Cohendy, Coudert, Delorme, Grenier, Chaput, Chanet, Chauvet, Chomette,
  Cibert, Courtadon, Cromarias, Dauphin, Delaire, Depalle, Desmaisons, Dubost, Ducros,
  Dufraisse, Dupic, Duranton, Esbelin, Fauriat, Fayet, Ferrandon, Forestier, Fournet,
  Gardette, Gidon, Goigoux, Gonnet, Guittard, Imbaud, Jouve, Juillard, Lassalas, Lavergne,
  Lecoq, Malfreyt, Manry, Marcheix, Mazel, Mazuel, Meallet, Mignot, Monestier, Montel, Morge,
  Mosnier, Murat, Nénot, Ollier, Pailloux, Pélissier, Peyronnet, Planeix, Pouget, Prugne,
  Quinty, Rabanit, Raynaud, Reboul, Ribier, Rigaud, Rochon, Roddier, Rongier, Roudaire,
  Sabatier, Sauvadet, Serre, Souchal, Tallon, Teyssier, Thévenet, Tournadre, Trapon, Vachias,
  Vaissade, Valette, Vaury, Vergne, Veyrière, Vigier, Vignal, Vimal, Viallard, Amblard,
  Andant, Astier, Aubignat, Barrier, Barthomeuf, Bayle, Beaufrère, Bellon, Bergeon, Beyssac,
  Blanchet, Boissière, Bonhomme, Bouchet, Boudal, Bourdier, Bravard, Brugère, Buisson,
  Cellier, Chabanne, Chalus, Champeix, Chapon, Charbonnel, Chardonnet, Chassagne, Chirent,
  Clermontel, Combe, Coudoux, Crégut, Croizet, Daurat, Degeorges, Delmas, Déat, Faucher,
  Fargeix, Gachon, Gibelin, Laporte, Madebène, Mallet, Noyer, Ondet, Rougier
`);
